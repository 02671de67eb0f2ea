import type { NotificationPage, UnreadCount } from '@leuchtturm/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};

/**
 * The badge of the bell: asked for every minute and whenever the window gets the focus back, as a poll (it does
 * not keep the session alive: docs/drafts-and-sessions.md).
 */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.poll<UnreadCount>('/notifications/unread-count'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

/** The inbox, newest first, loaded when the bell is opened. */
export const useNotifications = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      api.get<NotificationPage>('/notifications', { limit: 20, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: 0,
  });

function useInboxMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const useMarkNotificationRead = () =>
  useInboxMutation((notification: { id: string }) => api.post(`/notifications/${notification.id}/read`));

export const useMarkAllNotificationsRead = () =>
  useInboxMutation((_: undefined) => api.post<{ marked: number }>('/notifications/read-all'));
