import { idSchema, lineSchema, nameSchema } from './common.ts';
import { permissions, roles } from './roles.ts';
import { z } from './zod.ts';

export const passwordPolicy = { minLength: 12 } as const;

export const loginRequestSchema = z.object({
  username: lineSchema(100).min(1, { error: 'Bitte den Benutzernamen eingeben.' }),
  password: z.string().min(1, { error: 'Bitte das Passwort eingeben.' }).max(1000),
  /** Which Jugendamt; only needed where one server hosts several. */
  tenant: nameSchema(100).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

const namedRef = z.object({ id: idSchema, name: z.string() });

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  team: namedRef.nullable(),
  socialCentre: namedRef.nullable(),
  tenant: z.object({ slug: z.string(), name: z.string() }),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  /** A session ends after this many minutes without a request the user made (the web app warns before). */
  idleTimeoutMinutes: z.number().int(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = loginResponseSchema;

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'Bitte das bisherige Passwort eingeben.' }).max(1000),
    newPassword: z
      .string()
      .min(passwordPolicy.minLength, {
        error: `Das neue Passwort muss mindestens ${passwordPolicy.minLength} Zeichen lang sein.`,
      })
      .max(1000),
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    error: 'Das neue Passwort muss sich vom bisherigen unterscheiden.',
    path: ['newPassword'],
  });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
