import type { PopulationImportReport } from '@leuchtturm/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { controllingKeys } from './queries.ts';

export type { PopulationImportReport };

/** Checks a file of young inhabitants without writing anything (the preview). */
export const useCheckPopulation = () =>
  useMutation({
    mutationFn: async (file: File) => {
      const csv = await file.text();
      const report = await api.post<PopulationImportReport>('/controlling/population?dryRun=true', { csv });
      return { file, csv, report };
    },
  });

/** Imports a checked file (all or nothing); densities and costs per JEW may change. */
export function useImportPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<PopulationImportReport>('/controlling/population?dryRun=false', { csv }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controllingKeys.all }),
  });
}
