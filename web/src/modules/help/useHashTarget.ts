import { useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * Once the page's content is there, scrolls to the element the address's #anchor names and moves the focus to it
 * (the element carries tabIndex -1), after the page's own focus on its h1 (Page.tsx).
 */
export function useHashTarget(ready: boolean) {
  const hash = useRouterState({ select: (s) => s.location.hash });
  useEffect(() => {
    if (!ready || !hash) return;
    const frame = requestAnimationFrame(() => {
      const target = document.getElementById(hash);
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, hash]);
}
