import { CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/caseNotes.ts';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

/**
 * § 65 SGB VIII on the planning records (docs/data-protection.md): a Hilfeplan version, a Handlungsziel (with its
 * steps), a resource and a network entry marked as confided are read through the same rule as a note: the
 * placeholder on the case page for others, left out of the Hilfeplan PDF, the § 86c package and the Auskunft until
 * a release, and whoever sees the placeholder cannot save over it or remove the record.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const PLAN = 'Traumatherapie';
const GOAL = 'Schuldnerberatung';
const STEP = 'Insolvenzantrag';
const OTHER_GOAL = 'Kitaplatz';
const RESOURCE = 'Patenoma';
const TIE = 'Bewährungshelfer';

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const { caseId } = await openTestCase(cm);
  await classify(cm, caseId, 'leistung', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
  const resource = await cm.post(`/cases/${caseId}/resources`, {
    area: 'sozial',
    description: `Die ${RESOURCE} holt Muharem ab.`,
    goalId: null,
    directoryEntryId: null,
  });
  expect(resource.statusCode, resource.body).toBe(201);
  const tie = await cm.post(`/cases/${caseId}/network`, {
    name: TIE,
    kind: 'person',
    closeness: 2,
    quality: 'mittel',
    angle: 90,
  });
  expect(tie.statusCode, tie.body).toBe(201);
  const will = await cm.put(`/cases/${caseId}/will-and-goals`, {
    will: 'Wir wollen zusammenbleiben.',
    directionGoal: 'Die Familie lebt schuldenfrei zusammen.',
    actionGoals: [
      {
        id: null,
        text: `Termin bei der ${GOAL} ist vereinbart.`,
        dueOn: '2026-06-30',
        steps: [{ who: 'Mutter', what: `${STEP} stellen`, dueOn: '2026-05-31', resourceId: null }],
      },
      { id: null, text: `Ein ${OTHER_GOAL} ist gefunden.`, dueOn: '2026-08-31', steps: [] },
    ],
    version: 0,
  });
  expect(will.statusCode, will.body).toBe(204);
  const plan = await cm.post(`/cases/${caseId}/help-plans`, {
    applicationOn: '2026-01-20',
    applicant: 'Mara Beispiel',
    meetingOn: '2026-02-01',
    participants: ['Mara Beispiel', 'Muharem Beispiel'],
    childParticipated: true,
    agreedMeasures: `Sozialpädagogische Familienhilfe und ${PLAN}`,
    reviewOn: '2026-07-01',
    attainment: [],
    supersedesId: null,
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const read = await cm.get(`/cases/${caseId}`);
  expect(read.statusCode, read.body.slice(0, 2000)).toBe(200);
  const detail = read.json();
  const ids = {
    help_plan: plan.json().id as string,
    goal: detail.willAndGoals.actionGoals[0].id as string,
    resource: resource.json().id as string,
    network_tie: tie.json().id as string,
  };
  return { db, tenant, cm, lead, caseId, ids, personId: detail.household.members[0].person.id as string };
}
type Setup = Awaited<ReturnType<typeof setup>>;
type PlanItem = keyof Setup['ids'];

async function mark(
  client: Client,
  caseId: string,
  itemType: string,
  itemId: string,
  to: string | null = null,
) {
  return client.post(`/cases/${caseId}/confided`, { itemType, itemId, confidedTo: to });
}

async function releaseAll(s: Setup) {
  const marks = await s.db
    .selectFrom('confided_mark')
    .select('id')
    .where('tenant_id', '=', s.tenant.id)
    .where('case_id', '=', s.caseId)
    .execute();
  for (const { id } of marks) {
    const res = await s.cm.put(`/cases/${s.caseId}/confided/${id}/release`, {
      basis: 'einwilligung',
      note: 'Schriftliche Einwilligung der Mutter liegt vor.',
    });
    expect(res.statusCode).toBe(204);
  }
}

const planPdf = async (client: Client, s: Setup) => {
  const res = await client.get(`/cases/${s.caseId}/forms/hilfeplan?item=${s.ids.help_plan}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return runningText(await inspectPdf(res.rawPayload));
};

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

describe('§ 86c handover package and the planning records', () => {
  it('leaves out a confided Hilfeplan and Handlungsziel without release, and includes them with one for the confidant', async () => {
    const s = await setup();
    const { cm, lead, caseId, ids } = s;
    expect((await mark(cm, caseId, 'help_plan', ids.help_plan)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'goal', ids.goal)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'network_tie', ids.network_tie)).statusCode).toBe(201);
    const version = (await cm.get(`/cases/${caseId}`)).json().version as number;
    const transfer = await cm.post(`/cases/${caseId}/transfer`, {
      receivingOffice: 'Jugendamt Musterstadt',
      transferredOn: '2026-06-30',
      reason: 'Die Familie ist nach Musterstadt verzogen (gewöhnlicher Aufenthalt).',
      outcome: 'teilweise',
      version,
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    const packageText = async (client: Client) => {
      const pkg = await client.get(`/cases/${caseId}/handover-package?legalBasis=sgb8_86c`);
      expect(pkg.statusCode, pkg.body.slice(0, 200)).toBe(200);
      return runningText(await inspectPdf(pkg.rawPayload));
    };
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
