import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

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
  latest: (limit: number) => ['audit', 'latest', limit] as const,
};

/** The newest entries of the protocol. */
export const useAuditEntries = (limit: number) =>
  useQuery({ queryKey: auditKeys.latest(limit), queryFn: () => api.get<AuditEntry[]>('/audit', { limit }) });

/** Checks the whole chain on request; the answer is shown once and not cached. */
export const useVerifyChain = () => useMutation({ mutationFn: () => api.get<ChainReport>('/audit/verify') });
