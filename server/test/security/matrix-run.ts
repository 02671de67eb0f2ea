import { hasPermission } from '@leuchtturm/shared';
import type { LightMyRequestResponse } from 'fastify';
import { pdfText } from '../pdf-text.ts';
import { bodyOf, fillPath, type Operation, opKey, scopeOf } from './matrix-ops.ts';
import { type ActorKey, markers, type Side, sides, type World } from './matrix-world.ts';

/**
 * One cell of the matrix: an actor calls an operation on a record of a side, and what the domain expects of it.
 * `role`: the route permission (the code's own table, rolePermissions) refuses the actor: 403 before any handler.
 * `record`: the role may use the route but the record is not the actor's (another tenant, another team, a case she
 * is not responsible for): no 2xx. `allowed`: the actor may; a read must not fail, a change is not made (it
 * would change the world the other cells use).
 */
export type Expectation = 'role' | 'record' | 'allowed';

/** Team A's people with access to team A's case: its lead case manager, her deputy and the team's lead. */
const ownCaseAccess: readonly ActorKey[] = ['caseManagerA', 'deputyA', 'teamLeadA'];
/** Team A's people who record and read team A's case-independent district work (mayDoDistrictWorkOf). */
const ownTeamWork: readonly ActorKey[] = [
  'caseManagerA',
  'deputyA',
  'colleagueA',
  'teamLeadA',
  'coordinatorA',
];

export function expectationOf(world: World, actor: ActorKey, op: Operation, side: Side | null): Expectation {
  if (!hasPermission(world.roles[actor], op.permission)) return 'role';
  if (side === null) return 'allowed';
  if (side === 'otherTenant') return 'record';
  const scope = scopeOf(op);
  if (scope === 'tenant') return 'allowed';
  if (side === 'otherTeam') return 'record';
  const insiders = scope === 'team' ? ownTeamWork : ownCaseAccess;
  return insiders.includes(actor) ? 'allowed' : 'record';
}

/** Which families' names the actor may see in a list (an operation on no record). */
export function visibleMarkers(actor: ActorKey): string[] {
  return ownCaseAccess.includes(actor) ? [markers.own] : [];
}

export function responseText(res: LightMyRequestResponse): string {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('application/pdf')) return pdfText(res.rawPayload);
  return res.body;
}

/** The families whose names appear in a response. */
export function leakedMarkers(res: LightMyRequestResponse): string[] {
  const text = responseText(res);
  return Object.values(markers).filter((m) => text.includes(m));
}

export async function call(world: World, actor: ActorKey, op: Operation, side: Side | null) {
  const ids = side ? world.ids[side] : world.ids.own;
  const client = world.clients[actor];
  const url = fillPath(op, ids);
  if (op.multipart) {
    const boundary = '----matrix-upload';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Matrix.txt"\r\nContent-Type: text/plain\r\n\r\nMatrix\r\n--${boundary}--\r\n`,
    );
    return client.app.inject({
      method: op.method,
      url: `/api/v1${url}`,
      payload,
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
  }
  return client.request(op.method, url, bodyOf(op, ids));
}

/** The sides an operation is tried on: none for a list; for a tenant-wide record the other team adds nothing. */
export function sidesOf(op: Operation): (Side | null)[] {
  const scope = scopeOf(op);
  if (scope === null) return [null];
  return scope === 'tenant' ? sides.filter((s) => s !== 'otherTeam') : [...sides];
}

export interface Tally {
  calls: number;
  refusedRole: number;
  refusedRecord: number;
  /** Refused with a validation or conflict answer (400/409/422) before the record's access was decided. */
  rejectedInput: number;
  allowedReads: number;
  skippedWrites: number;
  exceptions: number;
  statuses: Record<number, number>;
}

export const emptyTally = (): Tally => ({
  calls: 0,
  refusedRole: 0,
  refusedRecord: 0,
  rejectedInput: 0,
  allowedReads: 0,
  skippedWrites: 0,
  exceptions: 0,
  statuses: {},
});

export const describeCell = (actor: ActorKey, op: Operation, side: Side | null) =>
  `${actor} ${opKey(op)} on ${side ?? 'no record'}`;
