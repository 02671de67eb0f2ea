import type { AddressCheckResult, DuplicateCandidate, StreetSuggestion } from '@leuchtturm/shared';

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
  /** An adult's date of birth marked "unbekannt": sent as null (children keep one, docs/domain.md). */
  birthDateUnknown: boolean;
  gender: string | null;
  role: string | null;
  custody: string | null;
  /** An existing person taken over from the duplicate check; the row then submits only its id. */
  linked: LinkedPerson | null;
  check: DuplicateCheck;
}

export type AddressKind = 'fest' | 'wohnungslos' | 'unbekannt_verzogen';

/**
 * Shaped like the request body, so that every message's path names a value of the form. The street is the
 * suggestion chosen (its id goes into the body as `address.streetId`).
 */
export interface HouseholdDraft {
  name: string;
  address: { kind: AddressKind; street: StreetSuggestion | null; houseNumber: string };
  members: MemberDraft[];
}

let nextKey = 1;

export function emptyMember(): MemberDraft {
  return {
    key: nextKey++,
    firstName: '',
    lastName: '',
    birthDate: '',
    birthDateUnknown: false,
    gender: null,
    role: null,
    custody: null,
    linked: null,
    check: { state: 'idle' },
  };
}

export function emptyHousehold(): HouseholdDraft {
  return {
    name: '',
    address: { kind: 'fest', street: null, houseNumber: '' },
    members: [emptyMember()],
  };
}

/**
 * What the row asks the duplicate check with: the three identifying fields (the names alone when the date of birth
 * is marked unknown), or null while one is missing.
 */
export function duplicateKey(m: MemberDraft): string | null {
  const first = m.firstName.trim();
  const last = m.lastName.trim();
  if (!first || !last) return null;
  if (m.birthDateUnknown) return `${first}|${last}|`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.birthDate)) return null;
  return `${first}|${last}|${m.birthDate}`;
}

/** The address as the body carries it: a street of the directory and a number, or no fixed address. */
export function addressBody(address: HouseholdDraft['address']) {
  return address.kind === 'fest'
    ? { kind: address.kind, streetId: address.street?.id ?? null, houseNumber: address.houseNumber }
    : { kind: address.kind, streetId: null, houseNumber: null };
}

/** A street's house-number ranges in words: "Nr. 1–99: Team Walle-Nord; übrige: Team Walle-Süd". */
export function rangesText(street: StreetSuggestion): string {
  if (street.ranges.length === 0) return 'Für diese Straße ist noch kein Team zuständig.';
  return street.ranges
    .map((r) =>
      r.houseFrom === null
        ? `${rangeWhole(street)}: ${r.team.name}`
        : `Nr. ${r.houseFrom}–${r.houseTo}: ${r.team.name}`,
    )
    .join('; ');
}
const rangeWhole = (street: StreetSuggestion) =>
  street.ranges.some((r) => r.houseFrom !== null) ? 'übrige Hausnummern' : 'ganze Straße';

/** What step 2 says about who will work on the case. */
export function placementText(
  address: HouseholdDraft['address'],
  checked: AddressCheckResult | null,
): string {
  if (address.kind !== 'fest') {
    return 'Die Familie hat keine feste Adresse. Der Fall kommt nach dem Eröffnen auf die Zuteilungsliste der Referatsleitungen; Sie behalten Zugriff, bis die Fallführung zugeteilt ist.';
  }
  if (!checked) return '';
  if (!checked.team) {
    return `Für diese Adresse (Stadtteil ${checked.district.name}) ist kein Team zuständig. Der Fall kommt nach dem Eröffnen auf die Zuteilungsliste der Referatsleitungen; Sie behalten Zugriff, bis die Fallführung zugeteilt ist.`;
  }
  return `Zuständig: ${checked.team.name} (Stadtteil ${checked.district.name}).`;
}

/** The request body as the schema expects it (before validation: choices may still be null). */
export function householdBody(draft: HouseholdDraft) {
  return {
    name: draft.name,
    address: addressBody(draft.address),
    members: draft.members.map((m) => {
      const custody = m.role === 'kind' ? m.custody : null;
      return m.linked
        ? { personId: m.linked.id, person: null, role: m.role, custody }
        : {
            personId: null,
            person: {
              firstName: m.firstName,
              lastName: m.lastName,
              birthDate: m.birthDateUnknown ? null : m.birthDate,
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
