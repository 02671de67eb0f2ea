import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';
import { validateNeedsSearch } from '../needs/search.ts';
import { validateBudgetSearch, validateNewProjectSearch, validateProjectsSearch } from './search.ts';

const NeedsPage = lazy(() => import('../needs/NeedsPage.tsx').then((m) => ({ default: m.NeedsPage })));
const NeedDetailPage = lazy(() =>
  import('../needs/NeedDetailPage.tsx').then((m) => ({ default: m.NeedDetailPage })),
);
const MicroProjectsPage = lazy(() =>
  import('./MicroProjectsPage.tsx').then((m) => ({ default: m.MicroProjectsPage })),
);
const MicroProjectPage = lazy(() =>
  import('./MicroProjectPage.tsx').then((m) => ({ default: m.MicroProjectPage })),
);
const NewMicroProjectPage = lazy(() =>
  import('./NewMicroProjectPage.tsx').then((m) => ({ default: m.NewMicroProjectPage })),
);
const BudgetPage = lazy(() => import('./BudgetPage.tsx').then((m) => ({ default: m.BudgetPage })));

/** From needs seen in cases to micro-projects with district budgets (docs/district-work.md). */
export function needAndProjectRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/bedarfe',
      validateSearch: validateNeedsSearch,
      component: guarded('need:read', <NeedsPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/bedarfe/$needId',
      component: guarded('need:read', <NeedDetailPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/mikroprojekte',
      validateSearch: validateProjectsSearch,
      component: guarded('microproject:read', <MicroProjectsPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/mikroprojekte/neu',
      validateSearch: validateNewProjectSearch,
      component: guarded('microproject:manage', <NewMicroProjectPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/mikroprojekte/budget',
      validateSearch: validateBudgetSearch,
      component: guarded('microbudget:read', <BudgetPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/mikroprojekte/$projectId',
      component: guarded('microproject:read', <MicroProjectPage />),
    }),
  ] as const;
}
