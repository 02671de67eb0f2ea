import 'maplibre-gl/dist/maplibre-gl.css';
import type { AtlasMap as AtlasMapData } from '@leuchtturm/shared';
import { LngLatBounds, Map as MapLibre, type StyleSpecification, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useEffect, useRef } from 'react';

// Loaded on demand (React.lazy), only for the map. Without a tile server: a plain background and the outlines.
setWorkerUrl(workerUrl);

function style(tiles: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tiles ? { kacheln: { type: 'raster', tiles: [tiles], tileSize: 256 } } : {},
    layers: [
      { id: 'hintergrund', type: 'background', paint: { 'background-color': '#ffffff' } },
      ...(tiles ? [{ id: 'kacheln', type: 'raster' as const, source: 'kacheln' }] : []),
    ],
  };
}

/**
 * The districts and the atlas entries as points, the selected one larger. A picture for sighted users (role="img"
 * with a name): the list beside it is the accessible way to the same entries. `onFail` reports a missing WebGL.
 */
export default function AtlasMap({
  data,
  selectedId,
  onFail,
  height = 520,
}: {
  data: AtlasMapData;
  selectedId: string | null;
  onFail: () => void;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const latest = useRef({ data, onFail, selectedId });
  latest.current = { data, onFail, selectedId };

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let instance: MapLibre;
    try {
      instance = new MapLibre({
        container: element,
        attributionControl: false,
        keyboard: false,
        locale: { 'Map.Title': 'Karte des Stadtteilatlas' },
        style: style(latest.current.data.tiles),
      });
    } catch {
      latest.current.onFail();
      return;
    }
    map.current = instance;
    instance.on('load', () => {
      const { data: d } = latest.current;
      instance.addSource('stadtteile', { type: 'geojson', data: d.outlines as never });
      instance.addLayer({
        id: 'flaechen',
        type: 'fill',
        source: 'stadtteile',
        paint: { 'fill-color': '#e7f5ff', 'fill-opacity': d.tiles ? 0.3 : 1 },
      });
      instance.addLayer({
        id: 'grenzen',
        type: 'line',
        source: 'stadtteile',
        paint: { 'line-color': '#343a40', 'line-width': 1.2 },
      });
      instance.addSource('eintraege', {
        type: 'geojson',
        data: {
          type: 'FeatureCollection',
          features: d.entries.map((e) => ({
            type: 'Feature',
            properties: { id: e.id },
            geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
          })),
        },
      });
      instance.addLayer({
        id: 'punkte',
        type: 'circle',
        source: 'eintraege',
        paint: {
          'circle-radius': ['case', ['==', ['get', 'id'], latest.current.selectedId ?? ''], 9, 4],
          'circle-color': [
            'case',
            ['==', ['get', 'id'], latest.current.selectedId ?? ''],
            '#c92a2a',
            '#1864ab',
          ],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      });
      const box = new LngLatBounds();
      for (const f of d.outlines.features)
        for (const p of (f.geometry.coordinates as unknown[]).flat(3) as unknown[])
          if (Array.isArray(p) && typeof p[0] === 'number') box.extend([p[0], p[1] as number]);
      for (const e of d.entries) box.extend([e.lon, e.lat]);
      if (!box.isEmpty()) instance.fitBounds(box, { padding: 24, animate: false });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance?.getLayer('punkte')) return;
    const id = selectedId ?? '';
    instance.setPaintProperty('punkte', 'circle-radius', ['case', ['==', ['get', 'id'], id], 9, 4]);
    instance.setPaintProperty('punkte', 'circle-color', [
      'case',
      ['==', ['get', 'id'], id],
      '#c92a2a',
      '#1864ab',
    ]);
    const entry = latest.current.data.entries.find((e) => e.id === selectedId);
    if (entry) instance.easeTo({ center: [entry.lon, entry.lat], duration: 0 });
  }, [selectedId]);

  return (
    <div
      role="img"
      aria-label="Karte der Stadtteile mit den Einrichtungen; die Liste daneben enthält dieselben Einträge"
      className="ctl-map-frame"
    >
      <div ref={ref} style={{ width: '100%', height }} />
    </div>
  );
}
