export * from './auth.ts';
export * from './common.ts';
export * from './organisation.ts';
export * from './roles.ts';
export { z } from './zod.ts';
