import { type Role, todayIso } from '@leuchtturm/shared';

/** Who is acting: the signed-in user (or the system, for CLI and jobs). Never holds social data. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  roles: Role[];
  teamId: string | null;
  /** Users this actor stands in for (Vertretung). */
  deputyFor: string[];
  /**
   * The Berlin date of the request's clock (the session's, which tests move); it decides which absences and grants
   * are current. Unset (CLI, jobs): the real today.
   */
  today?: string;
}

/** The day on which the actor's access is decided (absences and grants hold for days). */
export function actorToday(actor: Actor): string {
  return actor.today ?? todayIso();
}

export function systemActor(tenantId: string): Actor {
  return { tenantId, userId: null, roles: [], teamId: null, deputyFor: [] };
}
