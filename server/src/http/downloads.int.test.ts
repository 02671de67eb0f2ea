import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../test/cases.ts';
import { downloadName, parseContentDisposition } from '../../test/content-disposition.ts';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import { Client, testApp } from '../../test/http.ts';

/** File names of downloads come from data: they arrive intact and can not rewrite the header. */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function exportOfTeamNamed(teamName: string) {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const admin = await Client.as(app, tenant, 'admin');
  const team = await admin.post('/organisation/teams', {
    name: teamName,
    socialCentreId: tenant.centreId,
    leadUserId: null,
  });
  expect(team.statusCode, team.body).toBe(201);
  const controller = await Client.as(app, tenant, 'controller');
  return controller.get(`/controlling/export?region=${encodeURIComponent(teamName)}&from=2025&to=2025`);
}

describe('download file names', () => {
  it('escapes a quote in a team name, so it can not inject a second filename', async () => {
    const teamName = 'Team "Nord"; filename="boese.html';
    const res = await exportOfTeamNamed(teamName);
    expect(res.statusCode, res.body).toBe(200);
    const header = String(res.headers['content-disposition']);
    const { type, params } = parseContentDisposition(header);
    expect(type).toBe('attachment');
    expect(params.filter(([name]) => name === 'filename')).toHaveLength(1);
    expect(downloadName(header)).toBe(`kennzahlen-${teamName}-2025-2025.csv`);
  });

  it('delivers a team name beyond Latin-1 intact instead of failing', async () => {
    const res = await exportOfTeamNamed('Team Łódź-Süd');
    expect(res.statusCode, res.body).toBe(200);
    expect(downloadName(String(res.headers['content-disposition']))).toBe(
      'kennzahlen-Team Łódź-Süd-2025-2025.csv',
    );
  });

  it('delivers an uploaded file with umlauts under its own name, with a readable ASCII fallback', async () => {
    const { db } = await testDatabase();
    const cm = await Client.as(app, await createTestTenant(db), 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const boundary = 'grenze';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Übersicht Gröpelingen.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from('Inhalt'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await cm.request('POST', `/cases/${caseId}/documents`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const res = await cm.get(`/cases/${caseId}/documents/${uploaded.json().id}`);
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['content-disposition']);
    expect(downloadName(header)).toBe('Übersicht Gröpelingen.txt');
    expect(parseContentDisposition(header).params[0]).toEqual(['filename', 'Uebersicht Groepelingen.txt']);
  });
});
