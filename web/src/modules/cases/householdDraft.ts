import type { DuplicateCandidate } from '@leuchtturm/shared';

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

/** Shaped like the request body, so that every message's path names a value of the form. */
export interface HouseholdDraft {
  name: string;
  address: { street: string; houseNumber: string; postalCode: string };
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
  return { name: '', address: { street: '', houseNumber: '', postalCode: '' }, members: [emptyMember()] };
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
      ...draft.address,
      postalCode: draft.address.postalCode.trim() === '' ? null : draft.address.postalCode,
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
 * Whom to ask about a person known from another case, as the duplicate search answers it: the lead case manager
 * and team of each case ("Frida Fachkraft (Team Nordhafen) oder …"), or the team lead when nobody leads it.
 */
export function contactText(contacts: DuplicateCandidate['contacts']): string {
  if (contacts.length === 0) return 'die Referatsleitung Ihres Teams';
  return contacts
    .map((c) => (c.leadName ? `${c.leadName} (${c.teamName})` : `die Referatsleitung (${c.teamName})`))
    .join(' oder ');
}
