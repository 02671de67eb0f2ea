import type { Permission } from '@leuchtturm/shared';
import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy, type ReactNode } from 'react';
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

type Guard = (props: { permission: Permission; children: ReactNode }) => ReactNode;

/** The Stadtteilatlas's routes under the signed-in app: search, map, import, one entry. */
export function atlasRoutes<P extends AnyRoute>(appRoute: P, Guard: Guard) {
  const guarded = (permission: Permission, page: ReactNode) => () => (
    <Guard permission={permission}>{page}</Guard>
  );
  return [
    createRoute({
      getParentRoute: () => appRoute,
      path: '/atlas',
      validateSearch: validateAtlasSearch,
      component: guarded('atlas:read', <AtlasPage />),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/atlas/karte',
      component: guarded('atlas:read', <AtlasMapPage />),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/atlas/import',
      component: guarded('atlas:manage', <AtlasImportPage />),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/atlas/$entryId',
      component: guarded('atlas:read', <AtlasEntryPage />),
    }),
  ] as const;
}
