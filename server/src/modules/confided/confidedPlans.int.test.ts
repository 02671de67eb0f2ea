import { CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/caseNotes.ts';
import { testApp } from '../../../test/http.ts';
import {
  GOAL,
  mark,
  OTHER_GOAL,
  PLAN,
  type PlanItem,
  planPdf,
  planRecords,
  RESOURCE,
  releaseAll,
  STEP,
  TIE,
} from '../../../test/planRecords.ts';

/**
 * § 65 SGB VIII on the planning records (docs/data-protection.md): a Hilfeplan version, a Handlungsziel (with its
 * steps), a resource and a network entry marked as confided are read through the same rule as a note: the
 * placeholder on the case page for others, left out of the Hilfeplan PDF until a release, and whoever sees the
 * placeholder cannot save over it or remove the record. Leaving the office: confidedPlansOut.int.test.ts.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
const setup = () => planRecords(app);

/**
 * What each mark withholds on the case page and on the Hilfeplan PDF (the Netzwerkkarte is on no PDF). A marked
 * version withholds its copies of the goals too; the sheet's own goals stay readable.
 */
const withheldBy: Record<PlanItem, { secrets: string[]; printed: string[] }> = {
  help_plan: { secrets: [PLAN], printed: [PLAN, OTHER_GOAL] },
  goal: { secrets: [GOAL, STEP], printed: [GOAL, STEP] },
  resource: { secrets: [RESOURCE], printed: [RESOURCE] },
  network_tie: { secrets: [TIE], printed: [] },
};

describe('§ 65 on Hilfeplan, Handlungsziele, Ressourcen- and Netzwerkkarte', () => {
  it('shows everything to the team lead and on the Hilfeplan PDF while nothing is marked', async () => {
    const s = await setup();
    const page = (await s.lead.get(`/cases/${s.caseId}`)).body;
    const pdf = await planPdf(s.lead, s);
    for (const secret of [PLAN, GOAL, STEP, OTHER_GOAL, RESOURCE, TIE]) expect(page).toContain(secret);
    for (const secret of [PLAN, GOAL, STEP, OTHER_GOAL, RESOURCE]) expect(pdf).toContain(secret);
  });

  for (const itemType of Object.keys(withheldBy) as PlanItem[]) {
    const { secrets, printed } = withheldBy[itemType];
    it(`marks a ${itemType}: the placeholder for the team lead, the content for the confidant, the PDF only after a release and only for her`, async () => {
      const s = await setup();
      const { cm, lead, caseId } = s;
      const itemId = s.ids[itemType];
      expect((await cm.get(`/cases/${caseId}`)).json().confidedMarkable).toContain(itemId);
      expect((await lead.get(`/cases/${caseId}`)).json().confidedMarkable).not.toContain(itemId);
      expect((await mark(lead, caseId, itemType, itemId)).statusCode).toBe(403);
      const marked = await mark(cm, caseId, itemType, itemId);
      expect(marked.statusCode, marked.body).toBe(201);

      const seen = await lead.get(`/cases/${caseId}`);
      for (const secret of secrets) expect(seen.body).not.toContain(secret);
      expect(seen.body).toContain(CONFIDED_PLACEHOLDER);
      const own = await cm.get(`/cases/${caseId}`);
      for (const secret of secrets) expect(own.body).toContain(secret);
      const d = seen.json();
      const record = {
        help_plan: d.helpPlans[0],
        goal: d.willAndGoals.actionGoals[0],
        resource: d.resources[0],
        network_tie: d.network[0],
      }[itemType];
      expect(record.confided).toMatchObject({ withheld: true, mayManage: false });

      if (printed.length === 0) return;
      for (const client of [lead, cm]) {
        const text = await planPdf(client, s);
        for (const secret of printed) expect(text).not.toContain(secret);
        expect(text).toContain('Anvertraute Angabe');
      }
      await releaseAll(s);
      const released = await planPdf(cm, s);
      for (const secret of printed) expect(released).toContain(secret);
      const byLead = await planPdf(lead, s);
      for (const secret of printed) expect(byLead).not.toContain(secret);
    });
  }

  it('keeps a marked goal’s copy in the Hilfeplan withheld after the goal has left the sheet', async () => {
    const s = await setup();
    const { cm, lead, caseId, ids } = s;
    expect((await mark(cm, caseId, 'goal', ids.goal)).statusCode).toBe(201);
    const own = (await cm.get(`/cases/${caseId}`)).json();
    const save = await cm.put(`/cases/${caseId}/will-and-goals`, {
      will: own.willAndGoals.will,
      directionGoal: own.willAndGoals.directionGoal,
      actionGoals: own.willAndGoals.actionGoals
        .slice(1)
        .map((g: { id: string; text: string; dueOn: string }) => ({
          id: g.id,
          text: g.text,
          dueOn: g.dueOn,
          steps: [],
        })),
      version: own.willAndGoals.version,
    });
    expect(save.statusCode, save.body).toBe(204);
    const seen = (await lead.get(`/cases/${caseId}`)).json();
    expect(seen.helpPlans[0].goals.map((g: { text: string }) => g.text)).toEqual([
      CONFIDED_PLACEHOLDER,
      `Ein ${OTHER_GOAL} ist gefunden.`,
    ]);
    expect((await cm.get(`/cases/${caseId}`)).json().helpPlans[0].goals[0].text).toContain(GOAL);
  });
});

describe('the edit rule on the planning records', () => {
  it('refuses the team lead who sees the placeholder a save, a Fortschreibung, a change or a removal (audited), and lets the confidant', async () => {
    const s = await setup();
    const { cm, lead, caseId, ids, db, tenant } = s;
    for (const [itemType, itemId] of Object.entries(ids))
      expect((await mark(cm, caseId, itemType, itemId)).statusCode).toBe(201);
    const seen = (await lead.get(`/cases/${caseId}`)).json();

    const sheet = await lead.put(`/cases/${caseId}/will-and-goals`, {
      will: seen.willAndGoals.will,
      directionGoal: seen.willAndGoals.directionGoal,
      actionGoals: seen.willAndGoals.actionGoals.map((g: { id: string; text: string; dueOn: string }) => ({
        id: g.id,
        text: g.text,
        dueOn: g.dueOn,
        steps: [],
      })),
      version: seen.willAndGoals.version,
    });
    expect(sheet.statusCode).toBe(403);
    expect(sheet.body).toContain('Handlungsziel: anvertraute Angabe');
    const plan = seen.helpPlans[0];
    const continued = {
      applicationOn: plan.applicationOn,
      applicant: plan.applicant,
      meetingOn: '2026-06-01',
      participants: plan.participants,
      childParticipated: true,
      agreedMeasures: plan.agreedMeasures,
      reviewOn: '2026-11-01',
      attainment: [],
      supersedesId: plan.id,
    };
    expect((await lead.post(`/cases/${caseId}/help-plans`, continued)).statusCode).toBe(403);
    const tie = seen.network[0];
    const change = await lead.put(`/cases/${caseId}/network/${ids.network_tie}`, {
      name: tie.name,
      kind: tie.kind,
      closeness: 3,
      quality: tie.quality,
      angle: tie.angle,
      version: tie.version,
    });
    expect(change.statusCode).toBe(403);
    expect((await lead.delete(`/cases/${caseId}/network/${ids.network_tie}`)).statusCode).toBe(403);
    expect((await lead.delete(`/cases/${caseId}/resources/${ids.resource}`)).statusCode).toBe(403);

    const [goal, tieRow, resource, plans] = await Promise.all([
      db.selectFrom('goal').select('text').where('id', '=', ids.goal).executeTakeFirstOrThrow(),
      db
        .selectFrom('network_tie')
        .select(['name', 'closeness'])
        .where('id', '=', ids.network_tie)
        .executeTakeFirst(),
      db.selectFrom('resource').select('description').where('id', '=', ids.resource).executeTakeFirst(),
      db.selectFrom('help_plan').select('id').where('case_id', '=', caseId).execute(),
    ]);
    expect(goal.text).toContain(GOAL);
    expect(tieRow).toEqual({ name: TIE, closeness: 2 });
    expect(resource?.description).toContain(RESOURCE);
    expect(plans).toHaveLength(1);
    const denied = (await auditEntries(db, tenant.id, 'confided_mark')).filter(
      (e) => e.action === 'access_denied' && e.actor_id === tenant.users.teamLeadA.id,
    );
    expect(denied.map((e) => (e.details as { purpose: string }).purpose)).toEqual([
      'edit',
      'edit',
      'edit',
      'edit',
      'edit',
    ]);

    // The confidant works on them as before.
    const own = (await cm.get(`/cases/${caseId}`)).json();
    const ownPlan = own.helpPlans[0];
    const fortschreibung = await cm.post(`/cases/${caseId}/help-plans`, {
      ...continued,
      applicant: ownPlan.applicant,
      participants: ownPlan.participants,
      agreedMeasures: ownPlan.agreedMeasures,
    });
    expect(fortschreibung.statusCode, fortschreibung.body).toBe(201);
    const ownTie = own.network[0];
    expect(
      (
        await cm.put(`/cases/${caseId}/network/${ids.network_tie}`, {
          ...{ name: ownTie.name, kind: ownTie.kind, quality: ownTie.quality, angle: ownTie.angle },
          closeness: 3,
          version: ownTie.version,
        })
      ).statusCode,
    ).toBe(204);
    expect((await cm.delete(`/cases/${caseId}/resources/${ids.resource}`)).statusCode).toBe(204);
  });
});
