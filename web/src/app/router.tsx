import { isSsoRefusal, type SsoRefusal } from '@leuchtturm/shared';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { atlasRoutes } from '../modules/atlas/routes.tsx';
import { clearSession, dropSessionData, loadSession, sessionQuery } from '../modules/auth/queries.ts';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { caseRoutes } from '../modules/cases/routes.tsx';
import { conferenceAndTeamRoutes } from '../modules/conferences/routes.tsx';
import { validateControllingSearch } from '../modules/controlling/search.ts';
import { districtWorkRoutes } from '../modules/districtWork/routes.tsx';
import { validateFinanceSearch } from '../modules/finance/search.ts';
import { needAndProjectRoutes } from '../modules/microProjects/routes.tsx';
import { retentionRoutes } from '../modules/retention/routes.tsx';
import { AppLayout } from './AppLayout.tsx';
import { onUnauthorized } from './api.ts';
import { guarded } from './Guard.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Loading } from './QueryState.tsx';

// Every page behind the sign-in loads on demand: the sign-in page stays small (no zod, no tables, no combobox).
// A module with several pages declares them in its own routes.tsx; the single pages are here.
const StartPage = lazyRouteComponent(() => import('../modules/start/StartPage.tsx'), 'StartPage');
const AccountPage = lazyRouteComponent(() => import('../modules/auth/AccountPage.tsx'), 'AccountPage');
const OrganisationPage = lazy(() =>
  import('../modules/organisation/OrganisationPage.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const ProtocolPage = lazy(() =>
  import('../modules/audit/ProtocolPage.tsx').then((m) => ({ default: m.ProtocolPage })),
);
const ProcessesPage = lazy(() =>
  import('../modules/processes/ProcessesPage.tsx').then((m) => ({ default: m.ProcessesPage })),
);
const ControllingPage = lazy(() =>
  import('../modules/controlling/ControllingPage.tsx').then((m) => ({ default: m.ControllingPage })),
);
const HelpIndexPage = lazy(() =>
  import('../modules/help/HelpPages.tsx').then((m) => ({ default: m.HelpIndexPage })),
);
const HelpTopicPage = lazy(() =>
  import('../modules/help/HelpPages.tsx').then((m) => ({ default: m.HelpTopicPage })),
);
const FinancePage = lazy(() =>
  import('../modules/finance/FinancePage.tsx').then((m) => ({ default: m.FinancePage })),
);

/** Only paths inside this app are followed after sign-in. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

export interface SignInSearch {
  redirect?: string;
  abgelaufen?: boolean;
  /** Why a sign-in through the identity provider was refused (the server's reason code). */
  sso?: SsoRefusal;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/anmelden',
  validateSearch: (search: Record<string, unknown>): SignInSearch => {
    const target = localPath(search.redirect);
    const expired = search.abgelaufen === true || search.abgelaufen === 'true';
    const sso = typeof search.sso === 'string' && isSsoRefusal(search.sso) ? search.sso : undefined;
    return {
      ...(target ? { redirect: target } : {}),
      ...(expired ? { abgelaufen: true } : {}),
      ...(sso ? { sso } : {}),
    };
  },
  beforeLoad: async ({ context, search }) => {
    if (await loadSession(context.queryClient)) throw redirect({ href: search.redirect ?? '/' });
  },
  component: SignInPage,
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const user = await loadSession(context.queryClient);
    if (!user) {
      const target = location.href === '/' ? {} : { redirect: location.href };
      throw redirect({ to: '/anmelden', search: target });
    }
  },
  component: AppLayout,
});

const startRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: StartPage });

export type OrganisationTab =
  | 'sozialzentren'
  | 'stadtteile'
  | 'teams'
  | 'strassen'
  | 'mitarbeitende'
  | 'pruefen'
  | 'anmeldung';
const organisationTabs: readonly OrganisationTab[] = [
  'sozialzentren',
  'stadtteile',
  'teams',
  'strassen',
  'mitarbeitende',
  'pruefen',
  'anmeldung',
];

export const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisation',
  validateSearch: (search: Record<string, unknown>): { tab?: OrganisationTab } => {
    const tab = organisationTabs.find((t) => t === search.tab);
    return tab ? { tab } : {};
  },
  component: guarded('organisation:read', <OrganisationPage />),
});

const protocolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/protokoll',
  component: guarded('audit:read', <ProtocolPage />),
});

const financeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/finanzen',
  validateSearch: validateFinanceSearch,
  component: guarded('finance:manage', <FinancePage />),
});

const controllingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/steuerung',
  validateSearch: validateControllingSearch,
  component: guarded('controlling:read', <ControllingPage />),
});

const processesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/prozesse',
  component: guarded('process:read', <ProcessesPage />),
});

// The help is for every signed-in user: it explains the method, not any record.
const helpIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hilfe',
  component: () => (
    <Suspense fallback={<Loading />}>
      <HelpIndexPage />
    </Suspense>
  ),
});

const helpTopicRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hilfe/$thema',
  component: () => (
    <Suspense fallback={<Loading />}>
      <HelpTopicPage />
    </Suspense>
  ),
});

const accountRoute = createRoute({ getParentRoute: () => appRoute, path: '/konto', component: AccountPage });

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    startRoute,
    ...caseRoutes(() => appRoute),
    ...retentionRoutes(() => appRoute),
    ...districtWorkRoutes(() => appRoute),
    ...needAndProjectRoutes(() => appRoute),
    ...atlasRoutes(() => appRoute),
    ...conferenceAndTeamRoutes(() => appRoute),
    controllingRoute,
    organisationRoute,
    protocolRoute,
    financeRoute,
    processesRoute,
    helpIndexRoute,
    helpTopicRoute,
    accountRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: Loading,
    scrollRestoration: true,
  });

  // A 401 from any request of a signed-in page: the session has ended on the server.
  onUnauthorized(() => {
    if (!queryClient.getQueryData(sessionQuery.queryKey)) return;
    clearSession(queryClient);
    const here = router.state.location.href;
    void router
      .navigate({
        to: '/anmelden',
        search: { abgelaufen: true, ...(here === '/' ? {} : { redirect: here }) },
      })
      .then(() => dropSessionData(queryClient));
  });

  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
