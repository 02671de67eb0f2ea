import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';
import { validateAtlasSearch } from './search.ts';

// The atlas pages load on demand; the map's library loads only with the map (AtlasMapPage → AtlasMap).
const AtlasPage = lazy(() => import('./AtlasPage.tsx').then((m) => ({ default: m.AtlasPage })));
const AtlasEntryPage = lazy(() =>
  import('./AtlasEntryPage.tsx').then((m) => ({ default: m.AtlasEntryPage })),
);
const AtlasMapPage = lazy(() => import('./AtlasMapPage.tsx').then((m) => ({ default: m.AtlasMapPage })));
const AtlasImportPage = lazy(() =>
  import('./AtlasImportPage.tsx').then((m) => ({ default: m.AtlasImportPage })),
);

/** The Stadtteilatlas's routes under the signed-in app: search, map, import, one entry. */
export function atlasRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/atlas',
      validateSearch: validateAtlasSearch,
      component: guarded('atlas:read', <AtlasPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/atlas/karte',
      component: guarded('atlas:read', <AtlasMapPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/atlas/import',
      component: guarded('atlas:manage', <AtlasImportPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/atlas/$entryId',
      component: guarded('atlas:read', <AtlasEntryPage />),
    }),
  ] as const;
}
