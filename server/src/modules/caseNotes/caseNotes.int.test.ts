import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageNote, auditEntries, noteInput, writeNote } from '../../../test/caseNotes.ts';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
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
  const { caseId, caseNumber } = await openTestCase(cm);
  return { db, tenant, cm, caseId, caseNumber };
}

describe('Aktenvermerke', () => {
  it('records a contact with kind, participants, text and author, and audits the write and every read', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const occurredAt = '2026-01-14T13:30:00.000Z';
    const id = await writeNote(cm, caseId, {
      occurredAt,
      staffIds: [tenant.users.colleagueA.id],
      others: ['Frau Beispiel (Mutter)', 'Muharem'],
    });
    const res = await cm.get(`/cases/${caseId}/notes`);
    expect(res.statusCode).toBe(200);
    const [note] = res.json().items;
    expect(note).toMatchObject({
      id,
      occurredAt,
      kind: 'hausbesuch',
      staff: [{ id: tenant.users.colleagueA.id, name: 'Test colleagueA' }],
      others: ['Frau Beispiel (Mutter)', 'Muharem'],
      text: 'Mutter und Kind zu Hause angetroffen. Die Wohnung war aufgeräumt.',
      author: { id: tenant.users.caseManagerA.id, name: 'Test caseManagerA' },
      updatedAt: null,
      mayEdit: true,
      version: 1,
      link: null,
      corrects: null,
      correctedBy: [],
    });
    expect(Date.parse(note.editableUntil) - Date.parse(note.createdAt)).toBe(24 * 3_600_000);
    expect(await auditEntries(db, tenant.id, 'case_note')).toEqual([
      {
        action: 'create',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: id,
        details: { caseId, kind: 'hausbesuch' },
      },
    ]);
    // The list holds personal data: reading it is audited, with the filters used by name only.
    await cm.get(`/cases/${caseId}/notes?q=wohnung&kind=hausbesuch`);
    expect(await auditEntries(db, tenant.id, 'case_note_list')).toEqual([
      {
        action: 'read',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: caseId,
        details: { count: 1, filters: [], next: false },
      },
      {
        action: 'read',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: caseId,
        details: { count: 1, filters: ['kind', 'q'], next: false },
      },
    ]);
  });

  it('lets the author change a note within 24 hours, on the version seen, and audits the fields changed', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const occurredAt = '2026-01-14T09:00:00.000Z';
    const id = await writeNote(cm, caseId, { occurredAt });
    const change = {
      ...noteInput({ occurredAt, text: 'Korrigierter Text.', kind: 'telefonat' }),
      version: 1,
    };
    const { correctsId: _, ...update } = change;
    expect((await cm.put(`/cases/${caseId}/notes/${id}`, update)).statusCode).toBe(204);
    const [note] = (await cm.get(`/cases/${caseId}/notes`)).json().items;
    expect(note).toMatchObject({ text: 'Korrigierter Text.', kind: 'telefonat', version: 2 });
    expect(note.updatedAt).not.toBeNull();
    const stale = await cm.put(`/cases/${caseId}/notes/${id}`, { ...update, text: 'Zu spät.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const updates = (await auditEntries(db, tenant.id, 'case_note')).filter((e) => e.action === 'update');
    expect(updates).toEqual([
      {
        action: 'update',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: id,
        details: { caseId, fields: ['kind', 'text'] },
      },
    ]);
  });

  it('reads one note as it is now (what a version conflict compares with), audited; not a note of another case', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const id = await writeNote(cm, caseId, { text: 'Erste Fassung.' });
    const { correctsId: _, ...update } = noteInput({ text: 'Zweite Fassung.' });
    expect((await cm.put(`/cases/${caseId}/notes/${id}`, { ...update, version: 1 })).statusCode).toBe(204);
    const res = await cm.get(`/cases/${caseId}/notes/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, text: 'Zweite Fassung.', version: 2, mayEdit: true });
    expect((await auditEntries(db, tenant.id, 'case_note')).at(-1)).toMatchObject({
      action: 'read',
      entity_id: id,
    });
    const other = await openTestCase(cm);
    expect((await cm.get(`/cases/${other.caseId}/notes/${id}`)).statusCode).toBe(404);
  });

  it('refuses a change by anybody but the author, even the deputy within the hour, and audits the refusal', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const id = await writeNote(cm, caseId);
    const deputy = await Client.as(app, tenant, 'deputyA');
    const { correctsId: _, ...body } = noteInput({ text: 'Von der Vertretung geändert.' });
    const res = await deputy.put(`/cases/${caseId}/notes/${id}`, { ...body, version: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('Korrektur');
    const [note] = (await deputy.get(`/cases/${caseId}/notes`)).json().items;
    expect(note).toMatchObject({ text: noteInput().text, mayEdit: false, version: 1 });
    expect((await auditEntries(db, tenant.id, 'case_note')).at(-1)).toEqual({
      action: 'access_denied',
      actor_id: tenant.users.deputyA.id,
      entity_id: id,
      details: { caseId, purpose: 'update' },
    });
  });

  it('fixes a note 24 hours after it was written: the author gets 409 and is told to write a correction', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const id = await writeNote(cm, caseId);
    await ageNote(db, tenant.id, id, 24);
    const { correctsId: _, ...body } = noteInput({ text: 'Nachträglich geändert.' });
    const res = await cm.put(`/cases/${caseId}/notes/${id}`, { ...body, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/24 Stunden.*Korrektur/);
    const [note] = (await cm.get(`/cases/${caseId}/notes`)).json().items;
    expect(note).toMatchObject({ text: noteInput().text, mayEdit: false });
  });

  it('writes a correction as a new note that shows what it corrects, and notifies the author of the old one', async () => {
    const { db, tenant, cm, caseId, caseNumber } = await setup();
    const original = await writeNote(cm, caseId, { occurredAt: '2026-01-14T13:30:00.000Z' });
    await ageNote(db, tenant.id, original, 48);
    const deputy = await Client.as(app, tenant, 'deputyA');
    const correction = await writeNote(deputy, caseId, {
      occurredAt: '2026-01-14T13:30:00.000Z',
      text: 'Korrektur: Das Kind war nicht zu Hause, nur die Mutter.',
      correctsId: original,
    });
    const items = (await cm.get(`/cases/${caseId}/notes`)).json().items;
    const byId = new Map(items.map((n: { id: string }) => [n.id, n]));
    expect(byId.get(correction)).toMatchObject({
      author: { id: tenant.users.deputyA.id },
      corrects: {
        id: original,
        occurredAt: '2026-01-14T13:30:00.000Z',
        kind: 'hausbesuch',
        author: 'Test caseManagerA',
        text: noteInput().text,
      },
    });
    expect(byId.get(original)).toMatchObject({
      text: noteInput().text,
      correctedBy: [{ id: correction, author: 'Test deputyA' }],
    });
    const inbox = (await cm.get('/notifications')).json().items;
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'vermerk_korrigiert',
        title: `Ihr Vermerk im Fall ${caseNumber} wurde korrigiert.`,
        link: `/faelle/${caseId}?bereich=vermerke`,
        readAt: null,
      }),
    ]);
    // Correcting one's own note notifies nobody.
    await writeNote(cm, caseId, { text: 'Noch eine Ergänzung.', correctsId: original });
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 1 });
    const created = (await auditEntries(db, tenant.id, 'case_note')).filter(
      (e) => e.entity_id === correction,
    );
    expect(created).toEqual([
      expect.objectContaining({
        action: 'create',
        details: { caseId, kind: 'hausbesuch', correctsId: original },
      }),
    ]);
  });

  it('does not notify an author who may no longer open the case', async () => {
    const { tenant, cm, caseId } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const colleague = await Client.as(app, tenant, 'colleagueA');
    const grant = `/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`;
    expect((await lead.put(grant, undefined)).statusCode).toBe(204);
    const theirs = await writeNote(colleague, caseId);
    expect((await lead.delete(grant)).statusCode).toBe(204);
    await writeNote(cm, caseId, { text: 'Richtigstellung.', correctsId: theirs });
    expect((await colleague.get('/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('refuses a correction of a note of another case, and writes nothing', async () => {
    const { cm, caseId } = await setup();
    const other = await openTestCase(cm, { childFirstName: 'Lina' });
    const foreign = await writeNote(cm, other.caseId);
    const res = await cm.post(`/cases/${caseId}/notes`, noteInput({ correctsId: foreign }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'correctsId',
        message: 'Der Vermerk, der korrigiert werden soll, gehört nicht zu diesem Fall.',
      },
    ]);
    expect((await cm.get(`/cases/${caseId}/notes`)).json().items).toEqual([]);
  });

  it('never deletes a note: the database refuses it', async () => {
    const { db, tenant, cm, caseId } = await setup();
    const id = await writeNote(cm, caseId);
    await expect(
      sql`delete from case_note where tenant_id = ${tenant.id} and id = ${id}`.execute(db),
    ).rejects.toThrow(/never deleted/);
    expect((await cm.get(`/cases/${caseId}/notes`)).json().items).toHaveLength(1);
  });
});
