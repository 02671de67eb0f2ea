import { type Notification, notificationKinds } from '@leuchtturm/shared';
import { Badge, Button, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { errorMessage } from '../../app/api.ts';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { Loading } from '../../app/QueryState.tsx';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './queries.ts';

/** The list in the bell's popover: newest first, unread in bold; choosing one marks it read and opens its link. */
export function NotificationInbox({ onNavigate }: { onNavigate: () => void }) {
  const list = useNotifications(true);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => n.readAt === null);

  function open(notification: Notification) {
    if (notification.readAt === null) markRead.mutate(notification);
    if (notification.link) {
      onNavigate();
      void navigate({ href: notification.link });
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h5">
          Benachrichtigungen
        </Title>
        {anyUnread && (
          <Button
            size="xs"
            variant="default"
            onClick={() => markAll.mutate(undefined)}
            loading={markAll.isPending}
          >
            Alle als gelesen markieren
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(list.error)}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="gray.8">
          Keine Benachrichtigungen.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420} type="auto">
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id}>
                <UnstyledButton
                  className="notification-item"
                  onClick={() => open(n)}
                  data-unread={n.readAt === null}
                >
                  <Text size="sm" fw={n.readAt === null ? 700 : 400}>
                    {n.title}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs" c="gray.7">
                      {notificationKinds.labels[n.kind]} · {formatDateTimeDe(n.createdAt)}
                    </Text>
                    {n.readAt === null && (
                      <Badge size="xs" variant="light">
                        ungelesen
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </ul>
          {list.hasNextPage && (
            <Button
              size="xs"
              variant="subtle"
              mt="xs"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Ältere laden
            </Button>
          )}
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
