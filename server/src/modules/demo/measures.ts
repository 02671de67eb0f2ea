import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DEMO_TODAY } from './cases.ts';
import { demoMeasureStatistics, hzeStatisticsStream } from './hzeStatistics.ts';
import { insertChunked } from './queries/insert.ts';
import { listCasesWithFirstPlan, listHelpTypes } from './queries/reads.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * Providers, offers, rates (rising about 3 % a year) and the measures of the demo cases with a help plan,
 * calibrated towards Bremen's magnitudes (docs/domain.md, section 6): about 550-700 helps per 10,000
 * under-21s a year, a few hundred euros per young inhabitant for ambulant help and more for stationär.
 */
interface Mix {
  code: string;
  share: number;
  unit: 'day' | 'hour' | 'month';
  rate2016: number;
  hours?: [number, number];
  months: [number, number];
  category?: 'ambulant' | 'stationaer';
}

const mix: Mix[] = [
  { code: '31', share: 0.23, unit: 'hour', rate2016: 58, hours: [3, 8], months: [6, 20] },
  { code: '30', share: 0.13, unit: 'hour', rate2016: 56, hours: [2, 5], months: [6, 18] },
  { code: '28', share: 0.08, unit: 'hour', rate2016: 60, hours: [1, 2], months: [3, 9] },
  { code: '29', share: 0.04, unit: 'month', rate2016: 420, months: [6, 12] },
  { code: '27.2', share: 0.05, unit: 'hour', rate2016: 55, hours: [2, 6], months: [3, 12] },
  {
    code: '35a',
    share: 0.08,
    unit: 'hour',
    rate2016: 45,
    hours: [10, 25],
    months: [8, 24],
    category: 'ambulant',
  },
  { code: '32', share: 0.05, unit: 'day', rate2016: 95, months: [9, 24] },
  { code: '33', share: 0.11, unit: 'month', rate2016: 1050, months: [18, 60] },
  { code: '34', share: 0.14, unit: 'day', rate2016: 165, months: [12, 36] },
  { code: '35', share: 0.02, unit: 'day', rate2016: 230, months: [6, 18], category: 'stationaer' },
  { code: '42', share: 0.06, unit: 'day', rate2016: 190, months: [0, 2] },
];

const providerNames = [
  'Kinderhaus am Deich e. V.',
  'Familienhilfe Hafenstadt gGmbH',
  'Jugendhilfe Weserbogen e. V.',
  'Lotsenhaus Jugendwerk',
  'Diakonie-Jugendhilfe Hafenstadt (fiktiv)',
  'Caritas-Familiendienste Hafenstadt (fiktiv)',
  'Pflegekinderdienst Hafenstadt',
  'Wohngruppen Leuchtfeuer gGmbH',
  'Tagesgruppe Möwennest',
  'Schulbegleitung Kompass e. V.',
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function insertDemoMeasures(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  counts: Record<string, number>,
) {
  const types = new Map((await listHelpTypes(db, tenantId)).map((t) => [t.code, t]));
  const offers: { code: string; id: string }[] = [];
  const providers: Insertable<DB['provider']>[] = [];
  const offerRows: Insertable<DB['service_offer']>[] = [];
  const rates: Insertable<DB['rate']>[] = [];
  providerNames.forEach((name, i) => {
    const providerId = randomUuid(rnd);
    providers.push({ tenant_id: tenantId, id: providerId, name, kind: i === 6 ? 'oeffentlich' : 'frei' });
    // Each provider offers three or four help types; together they cover all.
    const codes = [
      ...new Set(
        [mix[i % mix.length], mix[(i + 3) % mix.length], mix[(i + 7) % mix.length], rnd.pick(mix)].map(
          (m) => m?.code as string,
        ),
      ),
    ];
    for (const code of codes) {
      const m = mix.find((x) => x.code === code) as Mix;
      const type = types.get(code);
      if (!type) continue;
      const offerId = randomUuid(rnd);
      offerRows.push({
        tenant_id: tenantId,
        id: offerId,
        provider_id: providerId,
        name: `${name.split(' ')[0]} ${code}`,
        help_type_id: type.id,
        unit: m.unit,
      });
      offers.push({ code, id: offerId });
      // A new rate each January, about 3 % up (2.5-3.5 %), exact to the cent.
      let cents = Math.round(m.rate2016 * (0.95 + rnd.next() * 0.1) * 100);
      for (let year = 2016; year <= 2026; year++) {
        rates.push({
          tenant_id: tenantId,
          offer_id: offerId,
          valid_from: `${year}-01-01`,
          valid_to: year < 2026 ? `${year}-12-31` : null,
          amount: (cents / 100).toFixed(2),
        });
        cents = Math.round(cents * (1.025 + rnd.next() * 0.01));
      }
    }
  });
  await insertChunked(db, 'provider', providers, []);
  await insertChunked(db, 'service_offer', offerRows, []);
  await insertChunked(db, 'rate', rates, []);

  // Cases with a first help plan: the help begins at the plan's meeting and ends by the case's closing.
  const cases = await listCasesWithFirstPlan(db, tenantId);
  const today = Date.parse(DEMO_TODAY);
  const measures: Insertable<DB['measure']>[] = [];
  const statistics = hzeStatisticsStream('hilfen');
  const pickMix = () => {
    let draw = rnd.next();
    for (const m of mix) {
      draw -= m.share;
      if (draw <= 0) return m;
    }
    return mix[0] as Mix;
  };
  for (const c of cases) {
    const children = c.children ?? [];
    children.forEach((child, index) => {
      // The first child always gets help; siblings often get their own.
      if (index > 0 && !rnd.chance(0.5)) return;
      let begin = Date.parse(c.meeting_on) + (index > 0 ? rnd.int(0, 60) * DAY : 0);
      const caseEnd = c.closed_on ? Date.parse(c.closed_on) : Number.POSITIVE_INFINITY;
      // One help, sometimes followed by a second (a change of help or a continuation).
      for (let n = rnd.chance(0.45) ? 2 : 1; n > 0 && begin < today && begin <= caseEnd; n--) {
        const m = pickMix();
        const type = types.get(m.code);
        const offer = offers.filter((o) => o.code === m.code);
        if (!type || offer.length === 0) continue;
        const months = rnd.int(m.months[0], m.months[1]);
        const plannedEnd = begin + (months * 30 + rnd.int(7, 25)) * DAY;
        // Closing a case ends its help (cases/closing.ts): none runs past the closing date.
        const end = Math.min(plannedEnd, caseEnd);
        const ended = end < today;
        // Some help still running has passed its planned end (the case page flags it: end it or extend the plan).
        const overrun = !ended && plannedEnd >= today && rnd.chance(0.08);
        const plannedEndOn = overrun ? Math.max(begin + 28 * DAY, today - rnd.int(5, 60) * DAY) : plannedEnd;
        // Drawn in the order the row used to draw them (offer, end reason, hours, reason), so the figures stay.
        const offerId = rnd.pick(offer).id;
        const endReason = ended
          ? rnd.pick(['planmaessig', 'planmaessig', 'planmaessig', 'abbruch', 'wechsel'])
          : null;
        const hours = m.hours ? String(rnd.int(m.hours[0], m.hours[1])) : null;
        const category = m.category ?? (type.category_rule as string);
        measures.push({
          tenant_id: tenantId,
          case_id: c.id,
          person_id: child,
          help_type_id: type.id,
          offer_id: offerId,
          individual_amount: null,
          individual_unit: null,
          category,
          underlying_help_type_id: null,
          begin_on: iso(begin),
          planned_end_on: iso(plannedEndOn),
          end_on: ended ? iso(end) : null,
          end_reason: endReason,
          hours_per_week: hours,
          help_plan_id: c.plan_id,
          reasons: [
            rnd.pick([
              'eingeschränkte Erziehungskompetenz',
              'Belastungen durch Problemlagen der Eltern',
              'schulische/berufliche Probleme',
              'Auffälligkeiten im sozialen Verhalten',
              'unzureichende Betreuung',
            ]),
          ],
          statistics: demoMeasureStatistics(statistics, {
            code: m.code,
            category,
            end_on: ended ? iso(end) : null,
            end_reason: endReason,
            hours_per_week: hours,
          }),
          status: 'bewilligt',
          approved_by: c.lead_user_id,
          approved_at: new Date(begin),
          created_by: c.lead_user_id,
        });
        begin = end + rnd.int(1, 30) * DAY;
      }
    });
  }
  await insertChunked(db, 'measure', measures, []);
  counts.provider = providers.length;
  counts.service_offer = offerRows.length;
  counts.measure = measures.length;
}
