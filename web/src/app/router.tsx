import { isSsoRefusal, type Permission, type SsoRefusal } from '@leuchtturm/shared';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { atlasRoutes } from '../modules/atlas/routes.tsx';
import { clearSession, dropSessionData, loadSession, sessionQuery } from '../modules/auth/queries.ts';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { validateMyCasesSearch } from '../modules/cases/search.ts';
import { validateCaseSearch } from '../modules/cases/sections/caseSearch.ts';
import { conferenceAndTeamRoutes } from '../modules/conferences/routes.tsx';
import { validateControllingSearch } from '../modules/controlling/search.ts';
import { validateFinanceSearch } from '../modules/finance/search.ts';
import {
  validateBudgetSearch,
  validateNewProjectSearch,
  validateProjectsSearch,
} from '../modules/microProjects/search.ts';
import { validateNeedsSearch } from '../modules/needs/search.ts';
import { AppLayout } from './AppLayout.tsx';
import { onUnauthorized } from './api.ts';
import { useCan } from './auth.ts';
import { ForbiddenPage, NotFoundPage } from './NotFoundPage.tsx';
import { Loading } from './QueryState.tsx';

// Every page behind the sign-in loads on demand: the sign-in page stays small (no zod, no tables, no combobox).
const StartPage = lazyRouteComponent(() => import('../modules/start/StartPage.tsx'), 'StartPage');
const AccountPage = lazyRouteComponent(() => import('../modules/auth/AccountPage.tsx'), 'AccountPage');
const OrganisationPage = lazy(() =>
  import('../modules/organisation/OrganisationPage.tsx').then((m) => ({ default: m.OrganisationPage })),
);
const ProtocolPage = lazy(() =>
  import('../modules/audit/ProtocolPage.tsx').then((m) => ({ default: m.ProtocolPage })),
);
const MyCasesPage = lazy(() =>
  import('../modules/cases/MyCasesPage.tsx').then((m) => ({ default: m.MyCasesPage })),
);
const AllocationPage = lazy(() =>
  import('../modules/cases/AllocationPage.tsx').then((m) => ({ default: m.AllocationPage })),
);
const IntakePage = lazy(() =>
  import('../modules/cases/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const KnownFamilyPage = lazy(() =>
  import('../modules/cases/KnownFamilyPage.tsx').then((m) => ({ default: m.KnownFamilyPage })),
);
const CasePage = lazy(() => import('../modules/cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const NeedDetailPage = lazy(() =>
  import('../modules/needs/NeedDetailPage.tsx').then((m) => ({ default: m.NeedDetailPage })),
);
const MicroProjectsPage = lazy(() =>
  import('../modules/microProjects/MicroProjectsPage.tsx').then((m) => ({ default: m.MicroProjectsPage })),
);
const MicroProjectPage = lazy(() =>
  import('../modules/microProjects/MicroProjectPage.tsx').then((m) => ({ default: m.MicroProjectPage })),
);
const NewMicroProjectPage = lazy(() =>
  import('../modules/microProjects/NewMicroProjectPage.tsx').then((m) => ({
    default: m.NewMicroProjectPage,
  })),
);
const BudgetPage = lazy(() =>
  import('../modules/microProjects/BudgetPage.tsx').then((m) => ({ default: m.BudgetPage })),
);
const districtWork = (name: 'DistrictWorkPage' | 'VisitPage' | 'NetworkPage') =>
  lazy(() => import('../modules/districtWork/pages.ts').then((m) => ({ default: m[name] })));
const [DistrictWorkPage, VisitPage, NetworkPage] = [
  districtWork('DistrictWorkPage'),
  districtWork('VisitPage'),
  districtWork('NetworkPage'),
];
const NeedsPage = lazy(() =>
  import('../modules/needs/NeedsPage.tsx').then((m) => ({ default: m.NeedsPage })),
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

const ApprovalsPage = lazy(() =>
  import('../modules/measures/ApprovalsPage.tsx').then((m) => ({ default: m.ApprovalsPage })),
);
const FinancePage = lazy(() =>
  import('../modules/finance/FinancePage.tsx').then((m) => ({ default: m.FinancePage })),
);

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  if (!useCan(permission)) return <ForbiddenPage />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

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
  component: () => (
    <Guard permission="organisation:read">
      <OrganisationPage />
    </Guard>
  ),
});

const protocolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/protokoll',
  component: () => (
    <Guard permission="audit:read">
      <ProtocolPage />
    </Guard>
  ),
});

const myCasesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/faelle',
  validateSearch: validateMyCasesSearch,
  component: () => (
    <Guard permission="case:work">
      <MyCasesPage />
    </Guard>
  ),
});

const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/faelle/neu',
  component: () => (
    <Guard permission="case:work">
      <IntakePage />
    </Guard>
  ),
});

const RetentionPage = lazyRouteComponent(
  () => import('../modules/retention/RetentionPage.tsx'),
  'RetentionPage',
);
const RetentionRulesPage = lazyRouteComponent(
  () => import('../modules/retention/RetentionRulesPage.tsx'),
  'RetentionRulesPage',
);
const retentionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aufbewahrung',
  component: () => (
    <Guard permission="case:work">
      <RetentionPage />
    </Guard>
  ),
});
const retentionRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aufbewahrung/fristen',
  component: () => (
    <Guard permission="retention:manage">
      <RetentionRulesPage />
    </Guard>
  ),
});

const allocationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/faelle/zuteilung',
  component: () => (
    <Guard permission="case:work">
      <AllocationPage />
    </Guard>
  ),
});

const knownFamilyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/faelle/bekannt',
  component: () => (
    <Guard permission="case:work">
      <KnownFamilyPage />
    </Guard>
  ),
});

const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/faelle/$caseId',
  validateSearch: validateCaseSearch,
  component: () => (
    <Guard permission="case:work">
      <CasePage />
    </Guard>
  ),
});

const needsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bedarfe',
  validateSearch: validateNeedsSearch,
  component: () => (
    <Guard permission="need:read">
      <NeedsPage />
    </Guard>
  ),
});

const needRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bedarfe/$needId',
  component: () => (
    <Guard permission="need:read">
      <NeedDetailPage />
    </Guard>
  ),
});

const districtWorkRoute = <P extends string>(path: P, Component: typeof DistrictWorkPage) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: () => (
      <Guard permission="districtwork:record">
        <Component />
      </Guard>
    ),
  });
const districtWorkRoutes = [
  districtWorkRoute('/sozialraum', DistrictWorkPage),
  districtWorkRoute('/sozialraum/besuche/$visitId', VisitPage),
  districtWorkRoute('/sozialraum/netzwerke/$networkId', NetworkPage),
];

const microProjectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mikroprojekte',
  validateSearch: validateProjectsSearch,
  component: () => (
    <Guard permission="microproject:read">
      <MicroProjectsPage />
    </Guard>
  ),
});

const newMicroProjectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mikroprojekte/neu',
  validateSearch: validateNewProjectSearch,
  component: () => (
    <Guard permission="microproject:manage">
      <NewMicroProjectPage />
    </Guard>
  ),
});

const microBudgetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mikroprojekte/budget',
  validateSearch: validateBudgetSearch,
  component: () => (
    <Guard permission="microbudget:read">
      <BudgetPage />
    </Guard>
  ),
});

const microProjectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mikroprojekte/$projectId',
  component: () => (
    <Guard permission="microproject:read">
      <MicroProjectPage />
    </Guard>
  ),
});

const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/bewilligungen',
  component: () => (
    <Guard permission="case:work">
      <ApprovalsPage />
    </Guard>
  ),
});

const financeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/finanzen',
  validateSearch: validateFinanceSearch,
  component: () => (
    <Guard permission="finance:manage">
      <FinancePage />
    </Guard>
  ),
});

const controllingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/steuerung',
  validateSearch: validateControllingSearch,
  component: () => (
    <Guard permission="controlling:read">
      <ControllingPage />
    </Guard>
  ),
});

const processesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/prozesse',
  component: () => (
    <Guard permission="process:read">
      <ProcessesPage />
    </Guard>
  ),
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
    ...districtWorkRoutes,
    myCasesRoute,
    intakeRoute,
    allocationRoute,
    retentionRoute,
    retentionRulesRoute,
    knownFamilyRoute,
    caseRoute,
    needsRoute,
    needRoute,
    microProjectsRoute,
    newMicroProjectRoute,
    microBudgetRoute,
    microProjectRoute,
    ...atlasRoutes(appRoute, Guard),
    ...conferenceAndTeamRoutes(() => appRoute, Guard),
    controllingRoute,
    organisationRoute,
    protocolRoute,
    approvalsRoute,
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
