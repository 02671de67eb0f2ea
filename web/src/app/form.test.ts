import {
  householdInputSchema,
  measureInputSchema,
  personInputSchema,
  rateInputSchema,
  willAndGoalsInputSchema,
} from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { CHECK_FIELDS, generalMessage, placeErrors, remainingFormError, schemaErrors } from './form.ts';

const errorsOf = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, input: unknown) =>
  schemaErrors((schema.safeParse(input).error?.issues ?? []) as Parameters<typeof schemaErrors>[0], input);

const member = (birthDate: string) => ({
  personId: null,
  person: {
    firstName: 'Mara',
    lastName: 'Beispiel',
    birthDate,
    gender: 'weiblich',
    language: null,
    phone: null,
  },
  role: 'mutter',
  custody: null,
});

describe('schemaErrors: messages of the shared schema by full path', () => {
  it('keys nested messages by their full path in the request body', () => {
    const errors = errorsOf(householdInputSchema, {
      name: 'Familie Beispiel',
      address: { kind: 'fest', streetId: '00000000-0000-4000-8000-000000000001', houseNumber: '12' },
      members: [member('1988-04-02'), member('2150-01-01')],
    });
    expect(errors).toEqual({
      'members.1.person.birthDate': 'Das Geburtsdatum muss in der Vergangenheit liegen.',
    });
  });

  it('asks to choose when a choice is left empty and to fill in an empty text', () => {
    const errors = errorsOf(householdInputSchema, {
      name: '',
      address: { kind: 'fest', streetId: '00000000-0000-4000-8000-000000000001', houseNumber: '' },
      members: [{ ...member('1988-04-02'), role: null }],
    });
    expect(errors).toEqual({
      name: 'Bitte ausfüllen.',
      'address.houseNumber': 'Bitte ausfüllen.',
      'members.0.role': 'Bitte auswählen.',
    });
  });

  it('keeps the German wording of the schema for a value of the wrong form', () => {
    expect(
      errorsOf(householdInputSchema.shape.address, {
        kind: 'fest',
        streetId: '00000000-0000-4000-8000-000000000001',
        houseNumber: '12-14',
      }),
    ).toEqual({ houseNumber: 'Hausnummer wie 12 oder 12a.' });
    expect(errorsOf(personInputSchema.pick({ birthDate: true }), { birthDate: '02.04.1988' })).toEqual({
      birthDate: 'Bitte ein Datum angeben (TT.MM.JJJJ).',
    });
  });

  it('shows the examples of an amount with a decimal comma, as the form takes it', () => {
    expect(errorsOf(rateInputSchema, { amount: '-5.00', validFrom: '2026-01-01' })).toEqual({
      amount: 'Betrag in Euro mit höchstens zwei Nachkommastellen, z. B. 123,45.',
    });
  });

  it('leaves a rule across fields as the schema words it, also when the field is empty', () => {
    const errors = errorsOf(measureInputSchema, {
      personId: '00000000-0000-4000-8000-000000000001',
      helpTypeId: '00000000-0000-4000-8000-000000000002',
      offerId: null,
      individualRate: null,
      category: null,
      underlyingHelpTypeId: null,
      beginOn: '2026-01-01',
      plannedEndOn: null,
      hoursPerWeek: null,
      helpPlanId: null,
      reasons: [],
    });
    expect(errors.offerId).toMatch(/^Bitte ein Leistungsangebot wählen oder/);
  });

  it('keys messages deep inside lists (steps of a goal)', () => {
    const errors = errorsOf(willAndGoalsInputSchema, {
      will: 'x',
      directionGoal: 'y',
      actionGoals: [
        {
          id: null,
          text: 'Ziel',
          dueOn: '2027-01-01',
          steps: [{ who: '', what: 'Üben', dueOn: '2027-01-01', resourceId: null }],
        },
      ],
      version: 0,
    });
    expect(Object.keys(errors)).toEqual(['actionGoals.0.steps.0.who']);
  });
});

describe('placeErrors and generalMessage: every message shown once, under its field or above the form', () => {
  it('puts a server message under the field of its full path', () => {
    const problem = new ApiError({
      type: 'about:blank#validation',
      title: 'Ungültige Eingabe',
      status: 400,
      code: 'validation',
      detail: 'Bitte prüfen Sie die Eingabe: members.1.person.birthDate, address.street.',
      errors: [
        {
          field: 'members.1.person.birthDate',
          message: 'Das Geburtsdatum muss in der Vergangenheit liegen.',
        },
        { field: 'address.street', message: 'Diese Straße ist keinem Stadtteil zugeordnet.' },
      ],
    });
    const shown = new Set([
      'name',
      'address.street',
      'members.1.person.birthDate',
      'members.0.person.birthDate',
    ]);
    const placed = placeErrors(problem.fieldErrors, (p) => shown.has(p));
    expect(placed.errors).toEqual({
      'members.1.person.birthDate': 'Das Geburtsdatum muss in der Vergangenheit liegen.',
      'address.street': 'Diese Straße ist keinem Stadtteil zugeordnet.',
    });
    expect(generalMessage(placed, problem.detail)).toBe(CHECK_FIELDS);
  });

  it('puts a message about a list entry under the list field when the entries have no field of their own', () => {
    const placed = placeErrors({ 'roles.1': 'Ungültige Rolle.' }, (p) => p === 'roles');
    expect(placed.errors).toEqual({ roles: 'Ungültige Rolle.' });
  });

  it('says above the form what no shown field takes, so that no message is lost', () => {
    const placed = placeErrors(
      { name: 'Bitte ausfüllen.', 'attainment.0.goalId': 'Dieses Handlungsziel gehört nicht zum Fall.' },
      (p) => p === 'name',
    );
    expect(generalMessage(placed)).toBe(`${CHECK_FIELDS} Dieses Handlungsziel gehört nicht zum Fall.`);
    const none = placeErrors({ version: 'Zu alt.' }, () => false);
    expect(generalMessage(none, 'Bitte prüfen Sie die Eingabe: version.')).toBe('Zu alt.');
  });

  it("shows the server's explanation when it names no field", () => {
    const placed = placeErrors({}, () => true);
    expect(generalMessage(placed, 'Der Datensatz wurde inzwischen geändert.')).toBe(
      'Der Datensatz wurde inzwischen geändert.',
    );
  });
});

describe('remainingFormError: the general message after corrections', () => {
  it('drops "check the marked fields" with the last marked field corrected, and nothing else', () => {
    expect(remainingFormError(CHECK_FIELDS, { 'members.0.person.firstName': 'Bitte ausfüllen.' })).toBe(
      CHECK_FIELDS,
    );
    expect(remainingFormError(CHECK_FIELDS, {})).toBeNull();
    // A message no field takes stays until the next attempt, and so does the server's explanation.
    const withUnplaced = `${CHECK_FIELDS} Die Familie braucht mindestens eine Person.`;
    expect(remainingFormError(withUnplaced, {})).toBe(withUnplaced);
    expect(remainingFormError('Der Server ist nicht erreichbar.', {})).toBe(
      'Der Server ist nicht erreichbar.',
    );
    expect(remainingFormError(null, {})).toBeNull();
  });
});
