import type { SsoSettingsInput, SsoSettingsResponse } from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** The admins' single sign-on setting (GET/PUT /sso). */
export const ssoKeys = { settings: ['sso', 'settings'] as const };

export const useSsoSettings = () =>
  useQuery({ queryKey: ssoKeys.settings, queryFn: () => api.get<SsoSettingsResponse>('/sso') });

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SsoSettingsInput) => api.put('/sso', input),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Die Einstellung der Anmeldung wurde gespeichert.' });
      return queryClient.invalidateQueries({ queryKey: ssoKeys.settings });
    },
  });
}
