import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  LogoutResponse,
  SessionUser,
} from '@leuchtturm/shared';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../app/api.ts';

/** The one answer of the auth API that is cached: who is signed in. */
export const authKeys = {
  all: ['auth'] as const,
  session: ['auth', 'session'] as const,
  // Under `session`: the sign-in page shows it while the previous session's answers are dropped (dropSessionData).
  ssoStatus: ['auth', 'session', 'sso'] as const,
};

/** The signed-in person, or null. Loaded once per page load from /auth/me and kept until sign-out. */
export const sessionQuery = queryOptions({
  queryKey: authKeys.session,
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
  const [root, leaf] = authKeys.session;
  queryClient.removeQueries({ predicate: (q) => !(q.queryKey[0] === root && q.queryKey[1] === leaf) });
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

/**
 * Signs out on the server, then forgets the session locally whatever the answer. A session that came through
 * single sign-on ends at the identity provider too: the browser goes to its sign-out page, which sends it back to
 * the sign-in page.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LogoutResponse>('/auth/logout'),
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => clearSession(queryClient),
  });
}

/** Whether the sign-in page offers "Mit Dienstkonto anmelden"; asked again each time the page opens. */
export const useSsoStatus = () =>
  useQuery({
    queryKey: authKeys.ssoStatus,
    queryFn: () => api.get<{ enabled: boolean }>('/auth/oidc/status'),
    staleTime: 0,
    retry: false,
  });

/** Where "Mit Dienstkonto anmelden" leads: the server sends the browser on to the identity provider. */
export const ssoStartHref = '/api/v1/auth/oidc/start';

export const useChangePassword = () =>
  useMutation({ mutationFn: (input: ChangePasswordRequest) => api.post('/auth/password', input) });
