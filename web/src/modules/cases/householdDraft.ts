import {
  type DuplicateCandidate,
  type HouseholdInput,
  householdInputSchema,
  type z,
} from '@leuchtturm/shared';
import type { FieldErrors } from '../../app/form.ts';

export type LinkedPerson = NonNullable<DuplicateCandidate['person']>;

/** The state of the duplicate check of one member row. */
export type DuplicateCheck =
  | { state: 'idle' }
  | { state: 'checking'; key: string }
  | { state: 'done'; key: string; candidates: DuplicateCandidate[] }
  | { state: 'failed'; key: string };

export interface MemberDraft {
  /** Stable within the page: ids of the row's fields and React keys. */
  key: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string | null;
  role: string | null;
  custody: string | null;
  /** An existing person taken over from the duplicate check; the row then submits only its id. */
  linked: LinkedPerson | null;
  check: DuplicateCheck;
}

export interface HouseholdDraft {
  name: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  members: MemberDraft[];
}

let nextKey = 1;

export function emptyMember(): MemberDraft {
  return {
    key: nextKey++,
    firstName: '',
    lastName: '',
    birthDate: '',
    gender: null,
    role: null,
    custody: null,
    linked: null,
    check: { state: 'idle' },
  };
}

export function emptyHousehold(): HouseholdDraft {
  return { name: '', street: '', houseNumber: '', postalCode: '', members: [emptyMember()] };
}

/** What the row asks the duplicate check with: the three identifying fields, or null while one is missing. */
export function duplicateKey(m: MemberDraft): string | null {
  const first = m.firstName.trim();
  const last = m.lastName.trim();
  if (!first || !last || !/^\d{4}-\d{2}-\d{2}$/.test(m.birthDate)) return null;
  return `${first}|${last}|${m.birthDate}`;
}

/** The request body as the schema expects it (before validation: choices may still be null). */
export function householdBody(draft: HouseholdDraft) {
  return {
    name: draft.name,
    address: {
      street: draft.street,
      houseNumber: draft.houseNumber,
      postalCode: draft.postalCode.trim() === '' ? null : draft.postalCode,
    },
    members: draft.members.map((m) => {
      const custody = m.role === 'kind' ? m.custody : null;
      return m.linked
        ? { personId: m.linked.id, person: null, role: m.role, custody }
        : {
            personId: null,
            person: {
              firstName: m.firstName,
              lastName: m.lastName,
              birthDate: m.birthDate,
              gender: m.gender,
              language: null,
              phone: null,
            },
            role: m.role,
            custody,
          };
    }),
  };
}

/**
 * Field keys of the household form: "name", "address.street", "members" and, per row, "members.<index>.<field>"
 * (the person's fields without the "person" level).
 */
export function fieldKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'members' && parts.length > 2) {
    const rest = parts.slice(2);
    const field = rest[0] === 'person' && rest.length > 1 ? rest.slice(1) : rest;
    return ['members', parts[1], ...field].join('.');
  }
  return parts.join('.') || '_';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Validates the household in the browser: the parsed input, or the German message per field key. */
export function validateHousehold(
  draft: HouseholdDraft,
): { ok: true; input: HouseholdInput } | { ok: false; errors: FieldErrors } {
  const body = householdBody(draft);
  const result = householdInputSchema.safeParse(body);
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: issuesToErrors(result.error, body) };
}

function issuesToErrors(error: z.ZodError, input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = fieldKey(issue.path);
    // A required choice or text left empty: the schema's message about the expected form would not help.
    const value = valueAt(input, issue.path);
    errors[key] ??=
      value === null
        ? 'Bitte auswählen.'
        : key === 'address.houseNumber' && value === ''
          ? 'Bitte ausfüllen.'
          : issue.message;
  }
  return errors;
}

/**
 * The server names fields by their first segment only (see ApiError.fieldErrors): "address" is placed under the
 * address field its message is about.
 */
export function serverHouseholdErrors(fieldErrors: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field === 'address') {
      const sub = /Postleitzahl/.test(message)
        ? 'postalCode'
        : /Hausnummer|Adresse/.test(message)
          ? 'houseNumber'
          : 'street';
      errors[`address.${sub}`] = message;
    } else if (field === 'name' || field === 'members') {
      errors[field] = message;
    }
  }
  return errors;
}
