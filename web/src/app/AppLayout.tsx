import type { Permission, Role } from '@leuchtturm/shared';
import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { dropSessionData, useLogout } from '../modules/auth/queries.ts';
import { helpTargetFor } from '../modules/help/topics.ts';
import { NotificationBell } from '../modules/notifications/NotificationBell.tsx';
import { can, UserContext, useSessionUser } from './auth.ts';
import { SessionDialogs } from './SessionDialogs.tsx';

interface NavEntry {
  to:
    | '/'
    | '/faelle'
    | '/faelle/zuteilung'
    | '/bedarfe'
    | '/mikroprojekte'
    | '/mikroprojekte/budget'
    | '/bewilligungen'
    | '/finanzen'
    | '/steuerung'
    | '/sozialraum'
    | '/organisation'
    | '/atlas'
    | '/prozesse'
    | '/protokoll'
    | '/konferenzen'
    | '/team'
    | '/aufbewahrung'
    | '/aufbewahrung/fristen'
    | '/konto';
  label: string;
  permission?: Permission;
  /** Shown only to users with this role. */
  role?: Role;
}

const navEntries: NavEntry[] = [
  { to: '/', label: 'Start' },
  { to: '/faelle', label: 'Meine Fälle', permission: 'case:work' },
  { to: '/bedarfe', label: 'Bedarfe', permission: 'need:read' },
  { to: '/sozialraum', label: 'Sozialraum', permission: 'districtwork:record' },
  { to: '/mikroprojekte', label: 'Mikroprojekte', permission: 'microproject:read' },
  { to: '/mikroprojekte/budget', label: 'Budget Mikroprojekte', permission: 'microbudget:read' },
  { to: '/atlas', label: 'Stadtteilatlas', permission: 'atlas:read' },
  { to: '/konferenzen', label: 'Wochenkonferenz', permission: 'conference:read' },
  { to: '/team', label: 'Team und Wissen', permission: 'team:read' },
  { to: '/faelle/zuteilung', label: 'Zuteilung', permission: 'case:work', role: 'team_lead' },
  { to: '/bewilligungen', label: 'Bewilligungen', permission: 'case:work', role: 'team_lead' },
  { to: '/finanzen', label: 'Finanzen', permission: 'finance:manage' },
  { to: '/steuerung', label: 'Steuerung', permission: 'controlling:read' },
  { to: '/organisation', label: 'Organisation', permission: 'organisation:read' },
  { to: '/prozesse', label: 'Prozesse', permission: 'process:manage' },
  { to: '/protokoll', label: 'Protokoll', permission: 'audit:read' },
  { to: '/aufbewahrung', label: 'Aufbewahrung', permission: 'case:work' },
  { to: '/aufbewahrung/fristen', label: 'Aufbewahrungsfristen', permission: 'retention:manage' },
  { to: '/konto', label: 'Mein Konto' },
];

/** The entry of the page shown: the longest that leads its path ("/faelle/zuteilung" rather than "/faelle"). */
function activeEntry(pathname: string): NavEntry['to'] | undefined {
  return navEntries
    .filter((e) => (e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/** The frame of every signed-in page: header, main navigation and the page itself. */
export function AppLayout() {
  const user = useSessionUser();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const caseTab = useRouterState({ select: (s) => (s.location.search as { bereich?: unknown }).bereich });
  const help = helpTargetFor(pathname, typeof caseTab === 'string' ? caseTab : undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  // Below the "sm" breakpoint the folded navigation slides out of view; it must leave the tab order too.
  const narrow = useMediaQuery('(max-width: 47.99em)');

  // On small screens the navigation folds away again after choosing a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every page change
  useEffect(() => closeNav(), [pathname, closeNav]);

  if (!user) return null;

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate({ to: '/anmelden' }).then(() => dropSessionData(queryClient)),
    });

  return (
    <UserContext value={user}>
      <a href="#inhalt" className="skip-link">
        Zum Inhalt springen
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="md" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpen ? 'Navigation schließen' : 'Navigation öffnen'}
                aria-expanded={navOpen}
                aria-controls="hauptnavigation"
              />
              <Text fw={700} size="xl" c="blue.9">
                Leuchtturm
              </Text>
              <Text c="gray.8" visibleFrom="xs">
                {user.tenant.name}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              {/* The help of the page one is on (modules/help/topics.ts). */}
              <Button
                variant="subtle"
                renderRoot={(props) =>
                  help.topic ? (
                    <Link to="/hilfe/$thema" params={{ thema: help.topic }} hash={help.section} {...props} />
                  ) : (
                    <Link to="/hilfe" {...props} />
                  )
                }
              >
                Hilfe
              </Button>
              <NotificationBell />
              <Text visibleFrom="xs">{user.displayName}</Text>
              <Button variant="default" onClick={signOut} loading={logout.isPending}>
                Abmelden
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          aria-label="Hauptnavigation"
          id="hauptnavigation"
          inert={narrow === true && !navOpen}
        >
          {navEntries
            .filter(
              (entry) =>
                (!entry.permission || can(user, entry.permission)) &&
                (!entry.role || user.roles.includes(entry.role)),
            )
            .map((entry) => (
              <NavLink
                key={entry.to}
                label={entry.label}
                className="nav-link"
                active={activeEntry(pathname) === entry.to}
                renderRoot={(props) => <Link to={entry.to} {...props} />}
              />
            ))}
        </AppShell.Navbar>
        <AppShell.Main id="inhalt" tabIndex={-1}>
          <Outlet />
          {/* Below the header (app.css), so that a message never covers "Abmelden". */}
          <Notifications position="top-right" withinPortal={false} />
        </AppShell.Main>
      </AppShell>
      <SessionDialogs user={user} />
    </UserContext>
  );
}
