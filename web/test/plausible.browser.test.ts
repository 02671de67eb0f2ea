import { addDays, formatDateDe, todayIso } from '@leuchtturm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, chooseNth, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/**
 * An open case of fachkraft, opened at least two months ago, whose family has a child and none of whose help runs
 * or is planned today: the test gives it its own two, so closing has exactly these to decide.
 */
async function caseWithoutHelp() {
  const since = addDays(todayIso(), -60);
  return h.db
    .selectFrom('case_file as c')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .innerJoin('household_member as hm', (j) =>
      j.onRef('hm.tenant_id', '=', 'c.tenant_id').onRef('hm.household_id', '=', 'c.household_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
    )
    .select(['c.id', 'c.opened_on', 'hm.person_id', 'p.birth_date'])
    .where('c.tenant_id', '=', h.tenantId)
    .where('u.username', '=', 'fachkraft')
    .where('c.status', '=', 'offen')
    .where('c.opened_on', '<=', since)
    .where('hm.role', '=', 'kind')
    .where('p.birth_date', '<', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('measure as m')
            .select('m.id')
            .whereRef('m.tenant_id', '=', 'c.tenant_id')
            .whereRef('m.case_id', '=', 'c.id')
            .where((w) =>
              w.or([
                w('m.status', '=', 'geplant'),
                w.and([
                  w('m.status', '=', 'bewilligt'),
                  w.or([w('m.end_on', 'is', null), w('m.end_on', '>=', since)]),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('c.case_number')
    .executeTakeFirstOrThrow();
}

/** The first offer of a help type of the demo catalogue. */
async function offerOf(code: string) {
  return h.db
    .selectFrom('service_offer as o')
    .innerJoin('help_type as t', (j) =>
      j.onRef('t.tenant_id', '=', 'o.tenant_id').onRef('t.id', '=', 'o.help_type_id'),
    )
    .select(['o.id', 'o.help_type_id', 'o.unit', 't.category_rule'])
    .where('o.tenant_id', '=', h.tenantId)
    .where('t.code', '=', code)
    .orderBy('o.id')
    .executeTakeFirstOrThrow();
}

describe('plausible help when closing a case', () => {
  it('shows a help past its planned end, and closing ends the running help and withdraws the planned one with reasons', async () => {
    const { page, baseUrl } = h;
    const target = await caseWithoutHelp();
    const today = todayIso();
    const spfh = await offerOf('31');
    const heim = await offerOf('34');
    const measure = (over: {
      help_type_id: string;
      offer_id: string;
      category: string;
      begin_on: string;
      planned_end_on: string | null;
      hours_per_week: string | null;
      status: 'geplant' | 'bewilligt';
    }) => ({
      tenant_id: h.tenantId,
      case_id: target.id,
      person_id: target.person_id,
      individual_amount: null,
      individual_unit: null,
      underlying_help_type_id: null,
      end_on: null,
      end_reason: null,
      help_plan_id: null,
      reasons: ['eingeschränkte Erziehungskompetenz'],
      ...over,
    });
    // An SpFH that should have ended yesterday and still runs; a Heimerziehung waiting for approval.
    const inserted = await h.db
      .insertInto('measure')
      .values([
        measure({
          help_type_id: spfh.help_type_id,
          offer_id: spfh.id,
          category: 'ambulant',
          begin_on: target.opened_on,
          planned_end_on: addDays(today, -1),
          hours_per_week: '4',
          status: 'bewilligt',
        }),
        measure({
          help_type_id: heim.help_type_id,
          offer_id: heim.id,
          category: 'stationaer',
          begin_on: today,
          planned_end_on: null,
          hours_per_week: null,
          status: 'geplant',
        }),
      ])
      .returning('id')
      .execute();
    const ids = inserted.map((r) => r.id);

    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=hilfen`);
    const overrun = page.getByRole('row').filter({ hasText: 'läuft über das geplante Ende' });
    await overrun.waitFor();
    expect(await overrun.count()).toBe(1);
    await expectNoAxeViolations(page, 'Fallakte, Hilfen mit Überschreitung');

    await page.getByRole('tab', { name: 'Abschluss' }).click();
    const decisions = page.getByRole('group', { name: 'Laufende und geplante Hilfen' });
    await decisions.waitFor();
    await chooseNth(page, 'Grund', 0);
    await chooseNth(page, 'Ergebnis', 0);
    // Without a reason for each help, nothing is sent: both fields say what is missing.
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    const endReason = page.getByRole('combobox', { name: 'Beenden zum Abschlussdatum, Grund', exact: true });
    const withdrawReason = decisions.getByRole('textbox', { name: /Zurückziehen, weil/ });
    await expect.poll(() => endReason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => withdrawReason.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'Abschluss mit Hilfen ohne Entscheidung');

    await choose(page, 'Beenden zum Abschlussdatum, Grund', 'planmäßig');
    await withdrawReason.fill('Familie zieht nach Hamburg');
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('2 Hilfen werden dabei beendet oder zurückgezogen.').waitFor();
    await confirm.getByRole('button', { name: 'Ja, abschließen' }).click();
    await page.getByText('Status: abgeschlossen').first().waitFor();
    await expectNoAxeViolations(page, 'Abschluss');

    await page.getByRole('tab', { name: 'Hilfen' }).click();
    await page.getByText('Zurückgezogen: Familie zieht nach Hamburg').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: `beendet am ${formatDateDe(today)}` })
      .first()
      .waitFor();
    expect(await page.getByText('läuft über das geplante Ende').count()).toBe(0);
    const rows = await h.db
      .selectFrom('measure')
      .select(['status', 'end_on', 'end_reason', 'withdraw_reason'])
      .where('tenant_id', '=', h.tenantId)
      .where('id', 'in', ids)
      .orderBy('begin_on')
      .execute();
    expect(rows).toEqual([
      { status: 'bewilligt', end_on: today, end_reason: 'planmaessig', withdraw_reason: null },
      {
        status: 'zurueckgezogen',
        end_on: null,
        end_reason: null,
        withdraw_reason: 'Familie zieht nach Hamburg',
      },
    ]);
  }, 90_000);
});
