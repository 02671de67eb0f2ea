/**
 * Outlines of the demo city's districts: a 6 × 4 grid of slightly irregular quadrilaterals around a river-port
 * city at about 53.08° N, 8.8° E, one cell per district in the order of city.ts. Good enough for a choropleth;
 * a real Jugendamt imports its official outlines.
 */
export function gridOutline(index: number): { type: 'Polygon'; coordinates: number[][][] } {
  const cols = 6;
  const width = 0.045;
  const height = 0.028;
  const west = 8.66;
  const south = 53.02;
  const col = index % cols;
  const row = Math.floor(index / cols);
  // Corners shared with neighbours are jittered the same way, so that cells still meet.
  const corner = (c: number, r: number): [number, number] => {
    const seed = Math.sin((c + 1) * 12.9898 + (r + 1) * 78.233) * 43758.5453;
    const jitter = seed - Math.floor(seed) - 0.5;
    const lon = west + c * width + (c > 0 && c < cols ? jitter * width * 0.3 : 0);
    const lat = south + r * height + (r > 0 && r < 4 ? jitter * height * 0.3 : 0);
    return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
  };
  const ring = [
    corner(col, row),
    corner(col + 1, row),
    corner(col + 1, row + 1),
    corner(col, row + 1),
    corner(col, row),
  ];
  return { type: 'Polygon', coordinates: [ring] };
}
