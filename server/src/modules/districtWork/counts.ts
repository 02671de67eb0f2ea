import type { DistrictWorkCounts } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { countsOfYear } from './queries/records.ts';

/** How much case-independent work each district saw in a year: counts only, for controlling and the leads. */
export async function districtWorkCounts(ctx: Ctx, year: number): Promise<DistrictWorkCounts> {
  const rows = await countsOfYear(ctx.db, ctx.actor.tenantId, year);
  return {
    year,
    rows: rows.map((r) => ({
      district: { id: r.district_id, name: r.district_name },
      visits: Number(r.visits),
      walks: Number(r.walks),
      explorations: Number(r.explorations),
      talks: Number(r.talks),
      networkMeetings: Number(r.meetings),
    })),
  };
}
