import type { Role } from '@leuchtturm/shared';

/** Who is acting: the signed-in user (or the system, for CLI and jobs). Never holds social data. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  roles: Role[];
  teamId: string | null;
  /** Users this actor stands in for (Vertretung). */
  deputyFor: string[];
}

export function systemActor(tenantId: string): Actor {
  return { tenantId, userId: null, roles: [], teamId: null, deputyFor: [] };
}
