import type { Permission, SessionUser } from '@leuchtturm/shared';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useRef } from 'react';
import { sessionQuery } from '../modules/auth/queries.ts';

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
