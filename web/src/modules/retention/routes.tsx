import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';

const RetentionPage = lazy(() => import('./RetentionPage.tsx').then((m) => ({ default: m.RetentionPage })));
const RetentionRulesPage = lazy(() =>
  import('./RetentionRulesPage.tsx').then((m) => ({ default: m.RetentionRulesPage })),
);

/** Retention (docs/retention.md): the files due and the erasure steps; the retention periods. */
export function retentionRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/aufbewahrung',
      component: guarded('case:work', <RetentionPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/aufbewahrung/fristen',
      component: guarded('retention:manage', <RetentionRulesPage />),
    }),
  ] as const;
}
