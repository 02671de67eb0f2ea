import { Button, Popover } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { Loading } from '../../app/QueryState.tsx';
import './notifications.css';
import { useUnreadCount } from './queries.ts';

// The inbox (and the shared package it needs) loads when the bell is first opened: the shell stays small.
const Inbox = lazy(() => import('./NotificationInbox.tsx').then((m) => ({ default: m.NotificationInbox })));

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export const unreadLabel = (n: number) =>
  `Benachrichtigungen, ${n === 0 ? 'keine ungelesen' : `${n} ungelesen`}`;

/** The bell of the app shell: the unread count as a badge, the inbox in a popover. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.unread ?? 0;
  const dialogId = useId();
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      trapFocus
      returnFocus
      shadow="md"
      withinPortal={false}
    >
      <Popover.Target>
        <Button
          variant="subtle"
          color="gray.9"
          px="xs"
          aria-label={unreadLabel(count)}
          aria-haspopup="dialog"
          aria-expanded={opened}
          aria-controls={opened ? dialogId : undefined}
          onClick={() => setOpened((o) => !o)}
          className="notification-bell"
        >
          <BellIcon />
          {count > 0 && (
            <span className="notification-count" aria-hidden="true">
              {count > 99 ? '99+' : count}
            </span>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown id={dialogId} role="dialog" aria-label="Benachrichtigungen">
        {opened && (
          <Suspense fallback={<Loading />}>
            <Inbox onNavigate={() => setOpened(false)} />
          </Suspense>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
