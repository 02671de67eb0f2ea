import type { Page } from '@leuchtturm/shared';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { pagedList, pageParams } from '../../app/paging.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  broken: { seq: number; reason: string }[];
}

/** Every answer of the audit API has one key here. */
export const auditKeys = {
  all: ['audit'] as const,
  entries: ['audit', 'entries'] as const,
};

/** The protocol, newest first, a page at a time ("Mehr laden"). */
export const useAuditEntries = () =>
  useInfiniteQuery({
    queryKey: auditKeys.entries,
    queryFn: ({ pageParam }) => api.get<Page<AuditEntry>>('/audit', pageParams(pageParam)),
    ...pagedList<AuditEntry>(),
  });

/** Checks the whole chain on request; the answer is shown once and not cached. */
export const useVerifyChain = () => useMutation({ mutationFn: () => api.get<ChainReport>('/audit/verify') });
