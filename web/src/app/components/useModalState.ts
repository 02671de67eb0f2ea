import { useRef, useState } from 'react';

/** After closing, focus goes back to what opened the modal, or to the page heading if that is gone. */
function restoreFocus(target: HTMLElement | null) {
  // Wait for the modal's focus trap to let go.
  setTimeout(() => {
    if (target?.isConnected) target.focus();
    else document.querySelector<HTMLElement>('.page-heading')?.focus();
  }, 50);
}

/**
 * Open/closed state of a modal plus the value it was opened with. The value outlives closing, so the modal's
 * content stays in place during the closing transition; `key` changes on every opening to reset forms.
 * Mantine returns focus only for modals that were mounted closed, so this hook does it itself.
 */
export function useModalState<T>() {
  const [state, setState] = useState<{ opened: boolean; value: T | null; key: number }>({
    opened: false,
    value: null,
    key: 0,
  });
  const returnTo = useRef<HTMLElement | null>(null);
  return {
    opened: state.opened,
    value: state.value,
    key: state.key,
    open: (value: T) => {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setState((s) => ({ opened: true, value, key: s.key + 1 }));
    },
    close: () => {
      setState((s) => ({ ...s, opened: false }));
      restoreFocus(returnTo.current);
    },
  };
}
