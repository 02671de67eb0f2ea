import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';

const page = (name: 'DistrictWorkPage' | 'VisitPage' | 'NetworkPage') =>
  lazy(() => import('./pages.ts').then((m) => ({ default: m[name] })));
const [DistrictWorkPage, VisitPage, NetworkPage] = [
  page('DistrictWorkPage'),
  page('VisitPage'),
  page('NetworkPage'),
];

/** The Sozialraum pages: overview, one institution visit, one network (docs/district-visits-and-networks.md). */
export function districtWorkRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/sozialraum',
      component: guarded('districtwork:record', <DistrictWorkPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/sozialraum/besuche/$visitId',
      component: guarded('districtwork:record', <VisitPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/sozialraum/netzwerke/$networkId',
      component: guarded('districtwork:record', <NetworkPage />),
    }),
  ] as const;
}
