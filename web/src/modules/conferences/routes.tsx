import type { Permission } from '@leuchtturm/shared';
import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { type ComponentType, lazy, type ReactNode } from 'react';

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

type Guard = ComponentType<{ permission: Permission; children: ReactNode }>;

/** The pages of the Wochenkonferenz and the team (docs/conference-and-team.md), under the signed-in layout. */
export function conferenceAndTeamRoutes<P extends AnyRoute>(parent: () => P, Guard: Guard) {
  const conferences = createRoute({
    getParentRoute: parent,
    path: '/konferenzen',
    component: () => (
      <Guard permission="conference:read">
        <ConferencesPage />
      </Guard>
    ),
  });
  const conference = createRoute({
    getParentRoute: parent,
    path: '/konferenzen/$conferenceId',
    component: () => (
      <Guard permission="conference:read">
        <ConferencePage />
      </Guard>
    ),
  });
  const team = createRoute({
    getParentRoute: parent,
    path: '/team',
    component: () => (
      <Guard permission="team:read">
        <TeamPage />
      </Guard>
    ),
  });
  const knowledge = createRoute({
    getParentRoute: parent,
    path: '/team/wissen/$pageId',
    component: () => (
      <Guard permission="team:read">
        <KnowledgePageView />
      </Guard>
    ),
  });
  return [conferences, conference, team, knowledge] as const;
}
