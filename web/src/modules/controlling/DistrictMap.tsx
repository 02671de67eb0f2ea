import 'maplibre-gl/dist/maplibre-gl.css';
import { type GeoJSONSource, LngLatBounds, Map as MapLibre, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef, useState } from 'react';
import type { DistrictOutlines } from './queries.ts';

// Loaded on demand (React.lazy), only for the map. No tiles and no network: a plain background and the outlines.
setWorkerUrl(workerUrl);

const NO_VALUE = '#e9ecef';

function bounds(outlines: DistrictOutlines): LngLatBounds | null {
  const box = new LngLatBounds();
  let any = false;
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      box.extend([c[0], c[1]]);
      any = true;
    } else if (Array.isArray(c)) for (const inner of c) walk(inner);
  };
  for (const f of outlines.features) walk(f.geometry.coordinates);
  return any ? box : null;
}

/** A point to hang the name on: the mean of the outer ring's corners (of the largest part). */
function labelPoint(geometry: DistrictOutlines['features'][number]['geometry']): [number, number] | null {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  const ring = polygons.map((p) => p[0] ?? []).sort((a, b) => b.length - a.length)[0];
  if (!ring || ring.length === 0) return null;
  const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
  let x = 0;
  let y = 0;
  for (const c of corners) {
    x += c[0] ?? 0;
    y += c[1] ?? 0;
  }
  return [x / corners.length, y / corners.length];
}

interface Label {
  code: string;
  name: string;
  x: number;
  y: number;
}

/** The outlines as the map's GeoJSON source takes them (the server sends valid (Multi)Polygons). */
type SourceData = Parameters<GeoJSONSource['setData']>[0];

function withColours(outlines: DistrictOutlines, colours: Record<string, string>): SourceData {
  return {
    ...outlines,
    features: outlines.features.map((f) => ({
      ...f,
      properties: { ...f.properties, colour: colours[f.properties.code] ?? NO_VALUE },
    })),
  };
}

/**
 * The Stadtteile coloured by a figure. A picture for sighted users (role="img" with a name); the figures stand in
 * the table beside it. If WebGL is not available, `onFail` lets the page say so instead of showing an empty box.
 */
export default function DistrictMap({
  outlines,
  colours,
  label,
  onFail,
  height = 440,
}: {
  outlines: DistrictOutlines;
  colours: Record<string, string>;
  label: string;
  onFail: () => void;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const [ready, setReady] = useState(false);
  const [labels, setLabels] = useState<Label[]>([]);
  const latest = useRef({ outlines, colours, onFail });
  latest.current = { outlines, colours, onFail };

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let instance: MapLibre;
    try {
      instance = new MapLibre({
        container: element,
        interactive: false,
        attributionControl: false,
        locale: { 'Map.Title': 'Karte der Stadtteile' },
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'hintergrund', type: 'background', paint: { 'background-color': '#ffffff' } }],
        },
      });
    } catch {
      latest.current.onFail();
      return;
    }
    map.current = instance;
    instance.on('load', () => {
      const { outlines: o, colours: c } = latest.current;
      instance.addSource('stadtteile', { type: 'geojson', data: withColours(o, c) });
      instance.addLayer({
        id: 'flaechen',
        type: 'fill',
        source: 'stadtteile',
        paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 1 },
      });
      instance.addLayer({
        id: 'grenzen',
        type: 'line',
        source: 'stadtteile',
        paint: { 'line-color': '#343a40', 'line-width': 1.2 },
      });
      fit();
      setReady(true);
    });
    // The whole city stays in view when the box changes size.
    const fit = () => {
      const box = bounds(latest.current.outlines);
      if (box) instance.fitBounds(box, { padding: 24, animate: false });
      placeLabels();
    };
    // The names are HTML above the canvas (a style without glyphs cannot draw text), placed after every resize.
    const placeLabels = () =>
      setLabels(
        latest.current.outlines.features.flatMap((f) => {
          const at = labelPoint(f.geometry);
          if (!at) return [];
          const { x, y } = instance.project(at);
          return [{ code: f.properties.code, name: f.properties.name, x, y }];
        }),
      );
    instance.on('resize', fit);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    const source = map.current?.getSource<GeoJSONSource>('stadtteile');
    source?.setData(withColours(outlines, colours));
  }, [ready, outlines, colours]);

  return (
    <div role="img" aria-label={label} className="ctl-map-frame">
      <div ref={ref} style={{ width: '100%', height }} />
      <div className="ctl-map-labels" aria-hidden="true">
        {labels.map((l) => (
          <span key={l.code} style={{ left: l.x, top: l.y }}>
            {l.name}
          </span>
        ))}
      </div>
    </div>
  );
}
