import {
  type CaseAccessList,
  type CaseDetail,
  type CaseSummary,
  type CloseCaseInput,
  type ConsentInput,
  caseAreas,
  type DuplicateCandidate,
  type DuplicateQuery,
  type FamilyConferenceInput,
  type HelpPlanInput,
  type HouseholdInput,
  type IntakeInput,
  type LeadInput,
  type MandateInput,
  type MyCasesQuery,
  type NetworkTieInput,
  type NetworkTieUpdate,
  type Page,
  type PeerConsultationInput,
  type PersonInput,
  type ReopenCaseInput,
  type ResourceInput,
  type RiskConsultationInput,
  type WillAndGoalsInput,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { pagedList, pageParams } from '../../app/paging.ts';
import { useStaff } from '../organisation/queries.ts';

/**
 * Every answer of the cases API has one key here. The case file is one answer under `detail`; its access list
 * lies beneath it, so that reloading the case file reloads who may see it too.
 */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (query: MyCasesQuery) => ['cases', 'list', query] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  access: (caseId: string) => ['cases', 'detail', caseId, 'access'] as const,
};

/** "Meine Fälle", a page at a time ("Mehr laden"); the component gets the cases loaded so far. */
export const useMyCases = (query: MyCasesQuery) =>
  useInfiniteQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ pageParam }) => api.get<Page<CaseSummary>>('/cases', { ...query, ...pageParams(pageParam) }),
    ...pagedList<CaseSummary>(),
    placeholderData: keepPreviousData,
  });

export const useCase = (caseId: string) =>
  useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => api.get<CaseDetail>(`/cases/${caseId}`) });

/**
 * The case file as the server has it now, without replacing the one the page shows: after a version conflict the
 * form compares the user's text with it (app/components/ConflictCompare.tsx) before anything is reloaded.
 */
export const fetchCurrentCase = (caseId: string) => api.get<CaseDetail>(`/cases/${caseId}`);

/** Active staff of the case's team (for participants, moderation, minutes, the Fallführung, ...). */
/** The team's active staff; none while the case has no team (it waits on the allocation list). */
export const useTeamStaff = (teamId: string | null) =>
  useStaff(teamId ? { teamId } : {}, { activeOnly: true, enabled: teamId !== null });

/**
 * A change to the case. Afterwards the case file is loaded again (the page, its badges and the timeline all come
 * from it) before the mutation counts as done, so the submit button stays disabled until the page shows the
 * result; the case lists are marked stale. A version conflict does not reload by itself: the form keeps the
 * user's input and offers "Neu laden".
 */
export function useCaseMutation<T, R = unknown>(
  caseId: string,
  mutationFn: (input: T) => Promise<R>,
  successMessage?: string | ((result: R, input: T) => string),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, input) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      if (successMessage) {
        const message = typeof successMessage === 'string' ? successMessage : successMessage(result, input);
        notifications.show({ color: 'green', title: 'Gespeichert', message });
      }
    },
    onError: (error) => {
      // Closed or deleted meanwhile: the page must show the current state.
      if (error instanceof ApiError && (error.status === 404 || error.code === 'conflict')) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      }
    },
  });
}

/** Loads the case file again (after a version conflict). */
export function useReloadCase(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
}

// Falleingang

export const useFindDuplicates = () =>
  useMutation({
    mutationFn: (query: DuplicateQuery) => api.post<DuplicateCandidate[]>('/persons/duplicates', query),
  });

export const useCreateHousehold = () =>
  useMutation({ mutationFn: (input: HouseholdInput) => api.post<{ id: string }>('/households', input) });

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IntakeInput) => api.post<{ id: string; caseNumber: string }>('/cases', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
  });
}

// The parts of the case file

const base = (caseId: string) => `/cases/${caseId}`;

export const useUpdatePerson = (caseId: string, person: { id: string; version: number; name: string }) =>
  useCaseMutation(
    caseId,
    (input: PersonInput) => api.put(`/persons/${person.id}`, { ...input, version: person.version }),
    `Die Angaben zu ${person.name} wurden gespeichert.`,
  );

export const useAddRiskConsultation = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: RiskConsultationInput) => api.post(`${base(caseId)}/risk-consultations`, input),
    (_, input) => `Die Kurzberatung wurde gespeichert. Einordnung: ${caseAreas.labels[input.area]}.`,
  );

export const useAddMandate = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: MandateInput) => api.post(`${base(caseId)}/mandates`, input),
    (_, input) => `${input.kind === 'auflage' ? 'Die Auflage' : 'Der Auftrag'} wurde gespeichert.`,
  );

export const useSaveMandateResult = (caseId: string, mandateId: string) =>
  useCaseMutation(
    caseId,
    (input: { result: string; consequence: string | null; version: number }) =>
      api.put(`${base(caseId)}/mandates/${mandateId}`, input),
    'Das Ergebnis wurde gespeichert.',
  );

export const useSaveWillAndGoals = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: WillAndGoalsInput) => api.put(`${base(caseId)}/will-and-goals`, input),
    'Wille und Ziele wurden gespeichert.',
  );

export const useAddResource = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: ResourceInput) => api.post(`${base(caseId)}/resources`, input),
    'Die Ressource wurde hinzugefügt.',
  );

export const useRemoveResource = (caseId: string) =>
  useCaseMutation(
    caseId,
    (resource: { id: string }) => api.delete(`${base(caseId)}/resources/${resource.id}`),
    'Die Ressource wurde gelöscht.',
  );

/** Adds an entry to the Netzwerkkarte, or changes one on the version it was opened on (409 when changed meanwhile). */
export const useSaveNetworkTie = (caseId: string, tie: { id: string; version: number } | null) =>
  useCaseMutation(
    caseId,
    (input: NetworkTieInput) =>
      tie
        ? api.put(`${base(caseId)}/network/${tie.id}`, {
            ...input,
            version: tie.version,
          } satisfies NetworkTieUpdate)
        : api.post(`${base(caseId)}/network`, input),
    tie ? 'Der Eintrag wurde gespeichert.' : 'Der Eintrag wurde hinzugefügt.',
  );

export const useRemoveNetworkTie = (caseId: string) =>
  useCaseMutation(
    caseId,
    (tie: { id: string }) => api.delete(`${base(caseId)}/network/${tie.id}`),
    'Der Eintrag wurde gelöscht.',
  );

/** The answer names the need the closing question created; the form tells where it was recorded. */
export const useAddPeerConsultation = (caseId: string) =>
  useCaseMutation(caseId, (input: PeerConsultationInput) =>
    api.post<{ id: string }>(`${base(caseId)}/peer-consultations`, input),
  );

/** The form reports the new version and any warnings itself. */
export const useAddHelpPlan = (caseId: string) =>
  useCaseMutation(caseId, (input: HelpPlanInput) =>
    api.post<{ id: string; versionNo: number; warnings: string[] }>(`${base(caseId)}/help-plans`, input),
  );

export const useSaveFamilyConference = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: FamilyConferenceInput) => api.put(`${base(caseId)}/family-conference`, input),
    'Der Familienrat wurde gespeichert.',
  );

export const useAddConsent = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: ConsentInput) => api.post(`${base(caseId)}/consents`, input),
    'Die Schweigepflichtentbindung wurde gespeichert.',
  );

export const useRevokeConsent = (caseId: string) =>
  useCaseMutation(
    caseId,
    (consent: { id: string }) => api.post(`${base(caseId)}/consents/${consent.id}/revoke`),
    'Die Schweigepflichtentbindung wurde widerrufen.',
  );

/** Uploads a file (multipart) under the type given, which may differ from what the browser reported. */
export const useUploadDocument = (caseId: string) =>
  useCaseMutation(
    caseId,
    ({ file, type }: { file: File; type: string }) => {
      const data = new FormData();
      data.append('file', type !== file.type ? new File([file], file.name, { type }) : file);
      return api.upload<{ id: string }>(`${base(caseId)}/documents`, data);
    },
    (_, { file }) => `Die Datei „${file.name}“ wurde hochgeladen.`,
  );

export const useCloseCase = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: CloseCaseInput) => api.post(`${base(caseId)}/close`, input),
    'Der Fall wurde abgeschlossen.',
  );

/** Wiederaufnahme: the closed case is open again; the page shows it editable from the reloaded detail. */
export const useReopenCase = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: ReopenCaseInput) => api.post<{ id: string }>(`${base(caseId)}/reopen`, input),
    'Der Fall wurde wieder aufgenommen.',
  );

// Who may see the case (the team lead's tools)

/** Who has access and why; only the team lead and the lead of the case may ask. */
export const useCaseAccess = (caseId: string, enabled = true) =>
  useQuery({
    queryKey: caseKeys.access(caseId),
    queryFn: () => api.get<CaseAccessList>(`${base(caseId)}/access`),
    enabled,
  });

export const useAllocateLead = (caseId: string) =>
  useCaseMutation(
    caseId,
    ({ name: _name, ...input }: LeadInput & { name: string }) => api.put(`${base(caseId)}/lead`, input),
    (_, input) => `Die Fallführung hat jetzt ${input.name}.`,
  );

export const useGrantAccess = (caseId: string) =>
  useCaseMutation(
    caseId,
    (user: { id: string; name: string }) => api.put(`${base(caseId)}/access-grants/${user.id}`, undefined),
    (_, user) => `${user.name} hat jetzt Zugriff auf den Fall.`,
  );

export const useRevokeAccess = (caseId: string) =>
  useCaseMutation(
    caseId,
    (user: { id: string; name: string }) => api.delete(`${base(caseId)}/access-grants/${user.id}`),
    (_, user) => `Der Zugriff von ${user.name} wurde entzogen.`,
  );

/** Address of a generated form (PDF); the session cookie goes with a plain link. */
export function formUrl(caseId: string, kind: string, itemId?: string): string {
  return `/api/v1/cases/${caseId}/forms/${kind}${itemId ? `?item=${itemId}` : ''}`;
}

export function documentUrl(caseId: string, documentId: string): string {
  return `/api/v1/cases/${caseId}/documents/${documentId}`;
}
