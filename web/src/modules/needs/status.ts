import type { NeedStatus } from '@leuchtturm/shared';

/** The badge colour of a need's status (open needs stand out). */
export const statusColors: Record<NeedStatus, string> = {
  offen: 'orange',
  in_arbeit: 'blue',
  erledigt: 'green',
};
