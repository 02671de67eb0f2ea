/** Type OIDs whose parsing both engines agree on (parsers below). */
export const OID = { int8: 20, numeric: 1700, date: 1082, dateArray: 1182, textArray: 1009 } as const;

/**
 * Types come back the same on both engines: numeric as an exact decimal string, date as 'YYYY-MM-DD', bigint
 * as a number (our bigints are counters and sequence numbers, far below 2^53).
 */
export const parsers = {
  [OID.int8]: (v: string) => Number(v),
  [OID.numeric]: (v: string) => v,
  [OID.date]: (v: string) => v,
};
