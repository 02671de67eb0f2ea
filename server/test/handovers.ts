import { expect } from 'vitest';
import type { Client } from './http.ts';
import { inspectPdf, runningText } from './pdf-layout.ts';

/** Test helpers for handing a case over to another office (server/src/modules/cases, the § 86c Abgabe). */

/** Hands the case over to Jugendamt Musterstadt on 30 June 2026 (§ 86c), which closes it. */
export async function transferToMusterstadt(client: Client, caseId: string) {
  const version = (await client.get(`/cases/${caseId}`)).json().version as number;
  const transfer = await client.post(`/cases/${caseId}/transfer`, {
    receivingOffice: 'Jugendamt Musterstadt',
    transferredOn: '2026-06-30',
    reason: 'Die Familie ist nach Musterstadt verzogen (gewöhnlicher Aufenthalt).',
    outcome: 'teilweise',
    version,
  });
  expect(transfer.statusCode, transfer.body).toBe(201);
}

/** The running text of the case's § 86c handover package as `client` gets it. */
export async function handoverPackageText(client: Client, caseId: string) {
  const pkg = await client.get(`/cases/${caseId}/handover-package?legalBasis=sgb8_86c`);
  expect(pkg.statusCode, pkg.body.slice(0, 200)).toBe(200);
  return runningText(await inspectPdf(pkg.rawPayload));
}
