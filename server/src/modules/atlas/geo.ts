/**
 * Plane geometry on WGS 84 coordinates, good enough for districts of one city: which outline a point lies in, and
 * whether an imported outline is a well-formed GeoJSON (Multi)Polygon.
 */

export type Position = [number, number];
export type Outline =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** Ray casting: is the point inside the ring (the ring's own edge counts as inside only by chance)? */
function inRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole, of any part. */
export function containsPoint(outline: Outline, lon: number, lat: number): boolean {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)),
  );
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

/** A linear ring: at least four positions, the last equal to the first. */
function isRing(r: unknown): r is Position[] {
  if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return false;
  const first = r[0] as Position;
  const last = r[r.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

const isPolygon = (p: unknown): p is Position[][] => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** The outline if the geometry is a well-formed Polygon or MultiPolygon, else null. Extra coordinates are dropped. */
export function validOutline(geometry: { type: string; coordinates: unknown }): Outline | null {
  const trim = (ring: Position[]) => ring.map(([lon, lat]) => [lon, lat] as Position);
  if (geometry.type === 'Polygon' && isPolygon(geometry.coordinates))
    return { type: 'Polygon', coordinates: geometry.coordinates.map(trim) };
  if (
    geometry.type === 'MultiPolygon' &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.length >= 1 &&
    geometry.coordinates.every(isPolygon)
  )
    return {
      type: 'MultiPolygon',
      coordinates: (geometry.coordinates as Position[][][]).map((p) => p.map(trim)),
    };
  return null;
}
