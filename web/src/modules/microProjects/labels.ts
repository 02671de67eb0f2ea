import type { MicroProjectSummary } from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';

/** The budget year of today. */
export const thisYear = () => Number(todayIso().slice(0, 4));

export const projectStatusColors: Record<MicroProjectSummary['status'], string> = {
  geplant: 'gray',
  laufend: 'blue',
  verstetigt: 'green',
  beendet: 'dark',
};
