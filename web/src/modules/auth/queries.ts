import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  LogoutResponse,
  SessionUser,
} from '@leuchtturm/shared';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken, setIdleTimeoutMinutes } from '../../app/api.ts';
import { drafts } from '../../app/drafts.ts';

/** A session begins or is found: its tokens are kept, and drafts of anyone else in this browser are removed. */
function sessionBegins({ user, csrfToken, idleTimeoutMinutes }: LoginResponse) {
  setCsrfToken(csrfToken);
  setIdleTimeoutMinutes(idleTimeoutMinutes);
  drafts.removeAllBut(user.id);
}

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
      const answer = await api.get<LoginResponse>('/auth/me');
      sessionBegins(answer);
      return answer.user;
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
    onSuccess: (answer) => {
      sessionBegins(answer);
      queryClient.setQueryData(sessionQuery.queryKey, answer.user);
    },
  });
}

/**
 * Signing in again in place, after the session ended (app/SessionDialogs.tsx): only as the same person, so that
 * the requests waiting to be sent again go out in their name.
 */
export function useSignInAgain(user: SessionUser) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => {
      const answer = await api.post<LoginResponse>('/auth/login', {
        username: user.username,
        password,
        tenant: user.tenant.slug,
      });
      if (answer.user.id !== user.id) throw new Error('signed in as someone else');
      return answer;
    },
    onSuccess: (answer) => {
      sessionBegins(answer);
      queryClient.setQueryData(sessionQuery.queryKey, answer.user);
    },
  });
}

/** "Weiterarbeiten": one request the user made, which keeps the session alive. */
export const useKeepSessionAlive = () =>
  useMutation({ mutationFn: () => api.get<LoginResponse>('/auth/me') });

/**
 * Signs out on the server, then forgets the session and every draft in this browser locally whatever the answer. A
 * session that came through single sign-on ends at the identity provider too: the browser goes to its sign-out page,
 * which sends it back to the sign-in page.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LogoutResponse>('/auth/logout'),
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => {
      drafts.removeAllBut(null);
      clearSession(queryClient);
    },
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
