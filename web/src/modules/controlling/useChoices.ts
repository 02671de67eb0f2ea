import { useNavigate, useSearch } from '@tanstack/react-router';
import { useControllingDefaults } from './queries.ts';
import { type ControllingSearch, controllingDefaults } from './search.ts';

/**
 * The choices of the steering page with their defaults, and a way to change them in the address. `ready` is false
 * while the server's default period is still on its way (a failed request falls back to the last ten years).
 */
export function useChoices() {
  const search = useSearch({ from: '/app/steuerung' });
  const navigate = useNavigate({ from: '/steuerung' });
  const server = useControllingDefaults();
  const defaults = controllingDefaults(server.data);
  const choices = {
    view: search.ansicht ?? 'uebersicht',
    region: search.region ?? defaults.region,
    from: search.von ?? defaults.von,
    to: search.bis ?? defaults.bis,
    year: search.jahr ?? defaults.jahr,
    mapFigure: search.karte ?? 'dichte',
  } as const;

  function set(change: Partial<ControllingSearch>) {
    void navigate({
      search: (prev) => {
        const next: Record<string, unknown> = { ...prev, ...change };
        const d: Record<string, unknown> = { ...defaults, ansicht: 'uebersicht', karte: 'dichte' };
        for (const key of Object.keys(next)) {
          if (next[key] === undefined || next[key] === d[key]) delete next[key];
        }
        return next as ControllingSearch;
      },
      replace: true,
      resetScroll: false,
    });
  }

  return { ...choices, set, ready: !server.isPending };
}
