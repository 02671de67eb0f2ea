import { useState } from 'react';

/**
 * Open/closed state of a modal plus the value it was opened with. The value outlives closing, so the modal's
 * content stays in place during the closing transition; `key` changes on every opening to reset forms.
 */
export function useModalState<T>() {
  const [state, setState] = useState<{ opened: boolean; value: T | null; key: number }>({
    opened: false,
    value: null,
    key: 0,
  });
  return {
    opened: state.opened,
    value: state.value,
    key: state.key,
    open: (value: T) => setState((s) => ({ opened: true, value, key: s.key + 1 })),
    close: () => setState((s) => ({ ...s, opened: false })),
  };
}
