import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';
import { validateMyCasesSearch } from './search.ts';
import { validateCaseSearch } from './sections/caseSearch.ts';

const MyCasesPage = lazy(() => import('./MyCasesPage.tsx').then((m) => ({ default: m.MyCasesPage })));
const AllocationPage = lazy(() =>
  import('./AllocationPage.tsx').then((m) => ({ default: m.AllocationPage })),
);
const IntakePage = lazy(() => import('./IntakePage.tsx').then((m) => ({ default: m.IntakePage })));
const KnownFamilyPage = lazy(() =>
  import('./KnownFamilyPage.tsx').then((m) => ({ default: m.KnownFamilyPage })),
);
const CasePage = lazy(() => import('./CasePage.tsx').then((m) => ({ default: m.CasePage })));
const ApprovalsPage = lazy(() =>
  import('../measures/ApprovalsPage.tsx').then((m) => ({ default: m.ApprovalsPage })),
);

/** Case work: Meine Fälle, the intake, the allocation, known families, one case file, approvals. */
export function caseRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/faelle',
      validateSearch: validateMyCasesSearch,
      component: guarded('case:work', <MyCasesPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/faelle/neu',
      component: guarded('case:work', <IntakePage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/faelle/zuteilung',
      component: guarded('case:work', <AllocationPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/faelle/bekannt',
      component: guarded('case:work', <KnownFamilyPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/faelle/$caseId',
      validateSearch: validateCaseSearch,
      component: guarded('case:work', <CasePage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/bewilligungen',
      component: guarded('case:work', <ApprovalsPage />),
    }),
  ] as const;
}
