import type { LoginRequest, LoginResponse, Permission, SessionUser } from '@leuchtturm/shared';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useRef } from 'react';
import { ApiError, api, setCsrfToken } from './api.ts';

/** The signed-in person, or null. Loaded once per page load from /auth/me and kept until sign-out. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionUser | null> => {
    try {
      const { user, csrfToken } = await api.get<LoginResponse>('/auth/me');
      setCsrfToken(csrfToken);
      return user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

export function loadSession(queryClient: QueryClient): Promise<SessionUser | null> {
  return queryClient.ensureQueryData(sessionQuery);
}

/** Forget the session locally (after sign-out or when the server says it has ended). */
export function clearSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.setQueryData(sessionQuery.queryKey, null);
}

/** Drop every cached answer of the previous session; call once the signed-in pages are gone. */
export function dropSessionData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}

/**
 * The signed-in person as the app shell last saw it. It stays set while the shell leaves after sign-out, so
 * pages never render without a user.
 */
export const UserContext = createContext<SessionUser | null>(null);

export function useSessionUser(): SessionUser | null {
  const { data } = useQuery(sessionQuery);
  const last = useRef<SessionUser | null>(null);
  if (data) last.current = data;
  return data ?? last.current;
}

/** The signed-in person. Only for pages inside the app shell. */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside of the app shell');
  return user;
}

export function can(user: SessionUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return can(useUser(), permission);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => api.post<LoginResponse>('/auth/login', input),
    onSuccess: ({ user, csrfToken }) => {
      setCsrfToken(csrfToken);
      queryClient.setQueryData(sessionQuery.queryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/logout'),
    onSettled: () => clearSession(queryClient),
  });
}
