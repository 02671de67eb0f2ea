import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoverPackageText, transferToMusterstadt } from '../../../test/handovers.ts';
import { type Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';
import { GOAL, mark, OTHER_GOAL, PLAN, planRecords, releaseAll, TIE } from '../../../test/planRecords.ts';

/**
 * § 65 SGB VIII on the planning records leaving the office (docs/data-protection.md): the § 86c handover package and
 * the Auskunft (Art. 15 DSGVO), which lists the help plans of the person's cases.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
const setup = () => planRecords(app);

describe('§ 86c handover package and the planning records', () => {
  it('leaves out a confided Hilfeplan and Handlungsziel without release, and includes them with one for the confidant', async () => {
    const s = await setup();
    const { cm, lead, caseId, ids } = s;
    expect((await mark(cm, caseId, 'help_plan', ids.help_plan)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'goal', ids.goal)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'network_tie', ids.network_tie)).statusCode).toBe(201);
    await transferToMusterstadt(cm, caseId);
    const packageText = (client: Client) => handoverPackageText(client, caseId);
    const before = await packageText(cm);
    for (const secret of [GOAL, OTHER_GOAL, TIE]) expect(before).not.toContain(secret);
    expect(before).toContain('Anvertraute Angabe');
    await releaseAll(s);
    const after = await packageText(cm);
    for (const secret of [GOAL, OTHER_GOAL]) expect(after).toContain(secret);
    const byLead = await packageText(lead);
    for (const secret of [GOAL, OTHER_GOAL]) expect(byLead).not.toContain(secret);
  });
});

describe('Auskunft: the Hilfepläne of the person’s cases', () => {
  it('lists the help plans in JSON and PDF, and a confided version or goal as withheld by kind, given out to the confidant after a release', async () => {
    const s = await setup();
    const { cm, lead, caseId, ids, personId, tenant } = s;
    const open = await lead.get(`/persons/${personId}/disclosure`);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().cases[0].helpPlans).toEqual([
      {
        versionNo: 1,
        meetingOn: '2026-02-01',
        reviewOn: '2026-07-01',
        childParticipated: true,
        directionGoal: 'Die Familie lebt schuldenfrei zusammen.',
        goals: [
          { text: `Termin bei der ${GOAL} ist vereinbart.`, dueOn: '2026-06-30', attainment: null },
          { text: `Ein ${OTHER_GOAL} ist gefunden.`, dueOn: '2026-08-31', attainment: null },
        ],
        agreedMeasures: `Sozialpädagogische Familienhilfe und ${PLAN}`,
      },
    ]);
    // The participants are named in the plan, not given out: third parties.
    expect(open.body).not.toContain('Muharem Beispiel');
    const pdf = runningText(
      await inspectPdf((await lead.get(`/persons/${personId}/disclosure.pdf`)).rawPayload),
    );
    for (const secret of [PLAN, GOAL, OTHER_GOAL]) expect(pdf).toContain(secret);
    expect(pdf).toContain('Hilfepläne im Fall');

    // A confided goal: the plan is given out without it.
    expect((await mark(cm, caseId, 'goal', ids.goal)).statusCode).toBe(201);
    const withGoal = await lead.get(`/persons/${personId}/disclosure`);
    expect(withGoal.body).not.toContain(GOAL);
    expect(withGoal.json().cases[0].helpPlans[0].goals.map((g: { text: string }) => g.text)).toEqual([
      `Ein ${OTHER_GOAL} ist gefunden.`,
    ]);
    const kinds = (w: { withheld: { kind: string; reason: string }[] }) =>
      w.withheld.filter((p) => p.reason.startsWith('§ 65')).map((p) => p.kind);
    expect(kinds(withGoal.json())).toEqual(['Handlungsziel im Hilfeplan, Fassung 1']);

    // A confided version, confided to the team lead: withheld from her Auskunft too until a release.
    expect((await mark(cm, caseId, 'help_plan', ids.help_plan, tenant.users.teamLeadA.id)).statusCode).toBe(
      201,
    );
    const withPlan = await lead.get(`/persons/${personId}/disclosure`);
    for (const secret of [PLAN, GOAL, OTHER_GOAL]) expect(withPlan.body).not.toContain(secret);
    expect(withPlan.json().cases[0].helpPlans).toEqual([]);
    expect(kinds(withPlan.json())).toEqual(['Hilfeplan, Fassung 1']);
    const withheldPdf = runningText(
      await inspectPdf((await lead.get(`/persons/${personId}/disclosure.pdf`)).rawPayload),
    );
    expect(withheldPdf).not.toContain(PLAN);
    expect(withheldPdf).toContain('Hilfeplan, Fassung 1');
    await releaseAll(s);
    const released = await lead.get(`/persons/${personId}/disclosure`);
    expect(released.body).toContain(PLAN);
    // The goal was confided to the case manager, not to the team lead: still withheld from her.
    expect(released.body).not.toContain(GOAL);
  });
});
