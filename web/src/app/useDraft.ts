import { useContext, useEffect, useRef, useState } from 'react';
import { UserContext } from './auth.ts';
import { type Draft, drafts } from './drafts.ts';

/** A draft should be saved at least every 5 seconds of typing (issue 16); one second keeps little at risk. */
const SAVE_DELAY_MS = 1000;

/** What a form shows about its draft: the offer of an earlier one, and the answers to it. */
export interface FormDraft {
  offer: { savedAt: string } | null;
  restore(): void;
  discard(): void;
}

/**
 * Keeps a draft of a form's values while someone types, for the signed-in user (`app/drafts.ts`), and offers an
 * earlier draft of the same form back when it opens. Used through `useFormState(initial, { draft: key })`; the
 * form sends through `form.send(...)`, whose success deletes the draft. Without a signed-in user (the sign-in
 * page) or a key nothing is kept.
 */
export function useDraft<T extends object>(
  formKey: string | undefined,
  values: T,
  initial: T,
  apply: (values: T) => void,
) {
  const user = useContext(UserContext);
  const key = formKey && user ? { userId: user.id, formKey } : null;
  const keyRef = useRef(key);
  keyRef.current = key;
  const baseline = useRef(JSON.stringify(initial));
  const latest = useRef(values);
  latest.current = values;
  const [offer, setOffer] = useState<Draft<T> | null>(() => {
    if (!key) return null;
    const found = drafts.read<T>(key.userId, key.formKey);
    return found && JSON.stringify(found.values) !== baseline.current ? found : null;
  });
  const offerOpen = useRef(offer !== null);
  offerOpen.current = offer !== null;
  const wrote = useRef(false);
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function flush() {
    timer.current = null;
    const k = keyRef.current;
    // While an earlier draft is offered and unanswered it is kept as it is.
    if (!k || offerOpen.current) return;
    const json = JSON.stringify(latest.current);
    if (json === baseline.current || json === sent.current) {
      if (wrote.current) drafts.remove(k.userId, k.formKey);
      wrote.current = false;
      return;
    }
    drafts.write(k.userId, k.formKey, latest.current);
    wrote.current = true;
  }

  // A change of the values, or the answer to an offered draft, schedules the next save.
  // biome-ignore lint/correctness/useExhaustiveDependencies: values and offer are the triggers, flush reads refs
  useEffect(() => {
    if (!keyRef.current || offerOpen.current || timer.current) return;
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [values, offer]);

  // Leaving the form (a dialog closed, the page changed, the session ended) saves what was typed last.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on unmount
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        flush();
      }
    },
    [],
  );

  const draft: FormDraft = {
    offer: offer ? { savedAt: offer.savedAt } : null,
    restore() {
      if (!offer) return;
      // Only the fields the form still has: a draft from an older version of the app must not add others.
      const restored = { ...initial };
      for (const field of Object.keys(initial) as (keyof T)[]) {
        if (offer.values && field in offer.values) restored[field] = offer.values[field];
      }
      wrote.current = true;
      setOffer(null);
      apply(restored);
    },
    discard() {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      wrote.current = false;
      // What the form shows now is no draft either (the user chose another version, or starts anew).
      sent.current = JSON.stringify(latest.current);
      if (key) drafts.remove(key.userId, key.formKey);
      setOffer(null);
    },
  };

  return {
    draft,
    /** The form now starts from these values (a reset): they are no draft. */
    rebase(next: T) {
      baseline.current = JSON.stringify(next);
    },
    /**
     * The form was submitted successfully with `sentJson` (its values as JSON when sent): its draft is deleted,
     * also after the form has gone, and the values sent are no draft either while the form still shows them.
     */
    saved: (sentJson: string) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      wrote.current = false;
      sent.current = sentJson;
      if (key) drafts.remove(key.userId, key.formKey);
    },
  };
}
