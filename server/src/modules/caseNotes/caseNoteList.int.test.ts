import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageNote, noteInput, writeNote } from '../../../test/caseNotes.ts';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  return { db, tenant, cm, caseId };
}

const texts = (res: { json(): { items: { text: string }[] } }) => res.json().items.map((n) => n.text);

async function addMandate(cm: Client, tenant: TestTenant, caseId: string): Promise<string> {
  await classify(cm, caseId, 'grau', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
  const res = await cm.post(`/cases/${caseId}/mandates`, {
    kind: 'auftrag',
    text: 'Muharem wird täglich pünktlich zur Schule gebracht.',
    addressee: 'Frau Beispiel',
    dueOn: '2026-02-28',
    checkMethod: 'Rückmeldung der Schule',
    consequence: null,
    purpose: 'klaerung',
    reviewOn: '2026-02-28',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

describe('the list of Aktenvermerke', () => {
  it('filters by kind, by Berlin calendar day and by words in the text or among the participants', async () => {
    const { cm, caseId } = await setup();
    // 23:30 in Berlin on 14 January is 22:30 UTC: it belongs to the 14th.
    await writeNote(cm, caseId, {
      occurredAt: '2026-01-14T22:30:00Z',
      kind: 'telefonat',
      text: 'Anruf spät',
    });
    await writeNote(cm, caseId, {
      occurredAt: '2026-01-14T23:30:00Z',
      kind: 'hausbesuch',
      text: 'Besuch 15.',
    });
    await writeNote(cm, caseId, {
      occurredAt: '2026-01-10T09:00:00Z',
      kind: 'fachgespraech',
      text: 'Abstimmung',
      others: ['Kita Sonnenschein'],
    });
    expect(texts(await cm.get(`/cases/${caseId}/notes?kind=telefonat`))).toEqual(['Anruf spät']);
    expect(texts(await cm.get(`/cases/${caseId}/notes?from=2026-01-14&to=2026-01-14`))).toEqual([
      'Anruf spät',
    ]);
    expect(texts(await cm.get(`/cases/${caseId}/notes?from=2026-01-15`))).toEqual(['Besuch 15.']);
    expect(texts(await cm.get(`/cases/${caseId}/notes?to=2026-01-13`))).toEqual(['Abstimmung']);
    expect(texts(await cm.get(`/cases/${caseId}/notes?q=SONNENSCHEIN`))).toEqual(['Abstimmung']);
    expect(texts(await cm.get(`/cases/${caseId}/notes?q=anruf`))).toEqual(['Anruf spät']);
    // A wildcard is a character like any other.
    expect(texts(await cm.get(`/cases/${caseId}/notes?q=%25`))).toEqual([]);
    const reversed = await cm.get(`/cases/${caseId}/notes?from=2026-01-15&to=2026-01-14`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
  });

  it('pages newest contact first, then newest written, without repeating or skipping notes of the same minute', async () => {
    const { cm, caseId } = await setup();
    const at = '2026-01-14T10:00:00Z';
    for (let i = 1; i <= 5; i++) await writeNote(cm, caseId, { occurredAt: at, text: `Gleichzeitig ${i}` });
    await writeNote(cm, caseId, { occurredAt: '2026-01-15T10:00:00Z', text: 'Neuester' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await cm.get(`/cases/${caseId}/notes?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...texts(res));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    // Contacts of the same time: the one written last first (a correction above what it corrects).
    expect(seen).toEqual(['Neuester', ...[5, 4, 3, 2, 1].map((i) => `Gleichzeitig ${i}`)]);
  });

  it('attaches a note to a record of the case and lists the notes that record carries', async () => {
    const { tenant, cm, caseId } = await setup();
    const mandateId = await addMandate(cm, tenant, caseId);
    await writeNote(cm, caseId, {
      text: 'Schule bestätigt Anwesenheit.',
      link: { type: 'mandate', id: mandateId },
    });
    await writeNote(cm, caseId, { text: 'Ohne Bezug.' });
    const carried = await cm.get(`/cases/${caseId}/notes?linkType=mandate&linkId=${mandateId}`);
    expect(texts(carried)).toEqual(['Schule bestätigt Anwesenheit.']);
    expect(carried.json().items[0].link).toEqual({ type: 'mandate', id: mandateId });

    const other = await openTestCase(cm, { childFirstName: 'Lina' });
    const foreignMandate = await addMandate(cm, tenant, other.caseId);
    const res = await cm.post(
      `/cases/${caseId}/notes`,
      noteInput({ link: { type: 'mandate', id: foreignMandate } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'link.id', message: 'Der verknüpfte Eintrag gehört nicht zu diesem Fall.' },
    ]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { cm, caseId } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ kind: 'besuch' }, 'kind'],
      [{ occurredAt: '14.01.2026 10:00' }, 'occurredAt'],
      [{ occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, 'occurredAt'],
      [{ staffIds: ['00000000-0000-4000-8000-000000000000'] }, 'staffIds.0'],
      [{ others: ['Zeile\nZwei'] }, 'others.0'],
    ];
    for (const [overrides, field] of cases) {
      const res = await cm.post(`/cases/${caseId}/notes`, noteInput(overrides));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await cm.get(`/cases/${caseId}/notes`)).json().items).toEqual([]);
  });

  it('is closed to those without access to the case, and to anonymous requests', async () => {
    const { tenant, cm, caseId } = await setup();
    await writeNote(cm, caseId);
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/cases/${caseId}/notes`)).statusCode).toBe(403);
    expect((await other.post(`/cases/${caseId}/notes`, noteInput())).statusCode).toBe(403);
    const director = await Client.as(app, tenant, 'director');
    expect((await director.get(`/cases/${caseId}/notes`)).statusCode).toBe(403);
    expect((await new Client(app, tenant).get(`/cases/${caseId}/notes`)).statusCode).toBe(401);
  });

  it('takes no new notes once the case is closed, and offers no change of the old ones', async () => {
    const { cm, caseId } = await setup();
    await writeNote(cm, caseId);
    const closed = await cm.post(`/cases/${caseId}/close`, {
      closedOn: '2026-03-01',
      reason: 'ziele_erreicht',
      outcome: 'positiv',
      tip: null,
      version: 1,
    });
    expect(closed.statusCode).toBe(204);
    expect((await cm.post(`/cases/${caseId}/notes`, noteInput())).statusCode).toBe(409);
    const [note] = (await cm.get(`/cases/${caseId}/notes`)).json().items;
    expect(note.mayEdit).toBe(false);
  });
});

describe('Aktenvermerke in the Verlauf of the case', () => {
  it('lists notes beside the system events, marked as notes, with corrections pointing at what they correct', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const original = await writeNote(cm, caseId, {
      occurredAt: '2026-01-14T13:30:00Z',
      text: 'x'.repeat(400),
    });
    await ageNote(db, tenant.id, original, 30);
    const correction = await writeNote(cm, caseId, {
      occurredAt: '2026-01-14T13:30:00Z',
      kind: 'telefonat',
      text: 'Richtig ist: Telefonat.',
      correctsId: original,
    });
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    const notes = detail.timeline.filter((e: { kind: string }) => e.kind === 'vermerk');
    expect(notes).toEqual([
      {
        at: '2026-01-14',
        kind: 'vermerk',
        text: 'Korrektur · Telefonat: Richtig ist: Telefonat.',
        note: {
          id: correction,
          kind: 'telefonat',
          occurredAt: '2026-01-14T13:30:00.000Z',
          author: 'Test caseManagerA',
          correctsId: original,
          corrected: false,
          confided: null,
        },
      },
      {
        at: '2026-01-14',
        kind: 'vermerk',
        text: `Hausbesuch: ${'x'.repeat(300)} …`,
        note: expect.objectContaining({ id: original, correctsId: null, corrected: true }),
      },
    ]);
    // The system events are still there, without a note.
    expect(detail.timeline.find((e: { kind: string }) => e.kind === 'eingang')).toEqual({
      at: '2026-01-12',
      kind: 'eingang',
      text: 'Falleingang',
    });
    // Ordered by day, newest first: the notes of the 14th come before the intake of the 12th.
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(['vermerk', 'vermerk', 'eingang']);
  });
});
