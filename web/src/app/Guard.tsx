import type { Permission } from '@leuchtturm/shared';
import { type ReactNode, Suspense } from 'react';
import { useCan } from './auth.ts';
import { ForbiddenPage } from './NotFoundPage.tsx';
import { Loading } from './QueryState.tsx';

/**
 * A page behind a permission: the sign-in's permissions decide whether it is shown (the server decides again on every
 * request); the page itself loads on demand.
 */
export function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  if (!useCan(permission)) return <ForbiddenPage />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A page component for `createRoute`: `guarded('case:work', <CasePage />)`. */
export const guarded = (permission: Permission, page: ReactNode) => () => (
  <Guard permission={permission}>{page}</Guard>
);
