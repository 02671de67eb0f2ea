import {
  type AccessShare,
  type BudgetOverview,
  centsToMoney,
  type MicroProjectDetail,
  type MicroProjectSummary,
  moneyToCents,
} from '@leuchtturm/shared';
import type { projectParticipants, projectReferrals, projectReviews } from './queries/activity.ts';
import type { districtBudgets, projectBudgets, referralCounts } from './queries/budget.ts';
import type { ProjectListRow, ProjectRow, projectNeeds } from './queries/projects.ts';

/** Rows of the micro-projects as the API shows them. Amounts leave as exact decimals with two places. */

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type DistrictRef = { id: string; name: string };

/** "1200" or "1200.5" from SQL → "1200.00", "1200.50". */
export const money = (amount: string | null | undefined) => centsToMoney(moneyToCents(amount ?? '0'));

export function presentProjectSummary(p: ProjectListRow, districts: DistrictRef[]): MicroProjectSummary {
  return {
    id: p.id,
    name: p.name,
    category: p.category as MicroProjectSummary['category'],
    status: p.status as MicroProjectSummary['status'],
    provider: p.provider,
    districts,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    committed: money(p.committed),
  };
}

export function presentProjectDetail(
  p: ProjectRow,
  related: {
    districts: DistrictRef[];
    needs: Rows<typeof projectNeeds>;
    budget: Rows<typeof projectBudgets>;
    referrals: Rows<typeof projectReferrals>;
    participants: Rows<typeof projectParticipants>;
    reviews: Rows<typeof projectReviews>;
    committedThisYear: string;
    mayManage: boolean;
  },
): MicroProjectDetail {
  type D = MicroProjectDetail;
  return {
    id: p.id,
    version: p.version,
    name: p.name,
    category: p.category as D['category'],
    status: p.status as D['status'],
    provider: p.provider,
    targetGroup: p.target_group,
    description: p.description,
    districts: related.districts,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    committed: money(related.committedThisYear),
    needs: related.needs.map((n) => ({
      id: n.id,
      text: n.text,
      mentions: n.mentions,
      status: n.status as D['needs'][number]['status'],
    })),
    budget: related.budget.map((b) => ({
      year: b.year,
      district: { id: b.district_id, name: b.district_name },
      committed: money(b.committed),
      spent: money(b.spent),
    })),
    // Which case a referral came from stays in the database: the project page names no case.
    referrals: related.referrals.map((r) => ({
      id: r.id,
      referredOn: r.referred_on,
      district: { id: r.district_id, name: r.district_name },
      route: r.route as D['referrals'][number]['route'],
      linkedToCase: r.case_id !== null,
      actor: r.actor,
    })),
    participants: related.participants.map((q) => ({ quarter: q.quarter, participants: q.participants })),
    reviews: related.reviews.map((r) => ({
      id: r.id,
      kind: r.kind as D['reviews'][number]['kind'],
      heldOn: r.held_on,
      summary: r.summary,
    })),
    mayManage: related.mayManage,
  };
}

export function presentBudgetOverview(
  year: number,
  frame: string | null,
  districts: Rows<typeof districtBudgets>,
  projects: Rows<typeof projectBudgets>,
): BudgetOverview {
  const total = (pick: (d: (typeof districts)[number]) => string) =>
    centsToMoney(districts.reduce((sum, d) => sum + moneyToCents(pick(d)), 0n));
  return {
    year,
    frame: frame === null ? null : money(frame),
    allocated: total((d) => d.allocated),
    committed: total((d) => d.committed),
    spent: total((d) => d.spent),
    districts: districts.map((d) => ({
      district: { id: d.id, name: d.name },
      allocated: money(d.allocated),
      committed: money(d.committed),
      spent: money(d.spent),
      remaining: centsToMoney(moneyToCents(d.allocated) - moneyToCents(d.committed)),
    })),
    projects: projects.map((p) => ({
      project: { id: p.project_id, name: p.project_name },
      district: { id: p.district_id, name: p.district_name },
      committed: money(p.committed),
      spent: money(p.spent),
    })),
  };
}

/** The share through case management in percent with one decimal, rounded half up, exactly. */
function percent(part: number, whole: number): string | null {
  if (whole === 0) return null;
  // Integer arithmetic: (2·part·1000 + whole) div (2·whole) is part·1000/whole rounded half up.
  const tenths = Math.floor((2 * part * 1000 + whole) / (2 * whole));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export function presentAccessShare(rows: Rows<typeof referralCounts>): AccessShare {
  return rows.map((r) => ({
    year: r.year,
    district: { id: r.id, name: r.name },
    referrals: r.referrals,
    throughCaseManagement: r.through_cm,
    share: percent(r.through_cm, r.referrals),
  }));
}
