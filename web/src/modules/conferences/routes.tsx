import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { guarded } from '../../app/Guard.tsx';

const ConferencesPage = lazy(() =>
  import('./ConferencesPage.tsx').then((m) => ({ default: m.ConferencesPage })),
);
const ConferencePage = lazy(() =>
  import('./ConferencePage.tsx').then((m) => ({ default: m.ConferencePage })),
);
const TeamPage = lazy(() => import('../team/TeamPage.tsx').then((m) => ({ default: m.TeamPage })));
const KnowledgePageView = lazy(() =>
  import('../team/KnowledgePageView.tsx').then((m) => ({ default: m.KnowledgePageView })),
);

/** The pages of the Wochenkonferenz and the team (docs/conference-and-team.md), under the signed-in layout. */
export function conferenceAndTeamRoutes<P extends AnyRoute>(parent: () => P) {
  return [
    createRoute({
      getParentRoute: parent,
      path: '/konferenzen',
      component: guarded('conference:read', <ConferencesPage />),
    }),
    createRoute({
      getParentRoute: parent,
      path: '/konferenzen/$conferenceId',
      component: guarded('conference:read', <ConferencePage />),
    }),
    createRoute({ getParentRoute: parent, path: '/team', component: guarded('team:read', <TeamPage />) }),
    createRoute({
      getParentRoute: parent,
      path: '/team/wissen/$pageId',
      component: guarded('team:read', <KnowledgePageView />),
    }),
  ] as const;
}
