/**
 * Drafts of forms, kept in the browser while someone types (docs/drafts-and-sessions.md). Each draft belongs to
 * one signed-in user: its storage key and its content name the user, and `read` returns a draft only to that
 * user. Sign-out removes every draft of this browser profile; a sign-in removes the drafts of everyone else, so
 * the next person at the same profile never finds another's text through the app.
 */

export interface Draft<T> {
  /** When it was last saved (ISO instant). */
  savedAt: string;
  values: T;
}

interface Stored {
  userId: string;
  savedAt: string;
  values: unknown;
}

const PREFIX = 'leuchtturm.entwurf.';
/** A draft nobody came back to within this time is dropped when read. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 3600_000;

/** The minimal Storage this needs (localStorage in the app, a Map in the unit tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function createDraftStore(storage: () => DraftStorage | null, now: () => Date = () => new Date()) {
  /**
   * Whose drafts may be written: set by every sign-in (the user) and sign-out (nobody), unknown before either. A form
   * that unmounts after sign-out (and saves what was typed last) then writes nothing back.
   */
  let owner: string | null | undefined;
  const keyOf = (userId: string, formKey: string) => `${PREFIX}${userId}/${formKey}`;

  function keys(): string[] {
    const s = storage();
    if (!s) return [];
    const found: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(PREFIX)) found.push(key);
    }
    return found;
  }

  function parse(raw: string | null): Stored | null {
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<Stored>;
      if (typeof value.userId !== 'string' || typeof value.savedAt !== 'string') return null;
      return { userId: value.userId, savedAt: value.savedAt, values: value.values };
    } catch {
      return null;
    }
  }

  return {
    /** The user's draft of a form, or null; never another user's, whatever the key. */
    read<T>(userId: string, formKey: string): Draft<T> | null {
      const s = storage();
      if (!s) return null;
      const key = keyOf(userId, formKey);
      const stored = parse(s.getItem(key));
      // The content must name the same user as the key: a draft copied under another key stays unread.
      if (!stored || stored.userId !== userId) return null;
      if (now().getTime() - new Date(stored.savedAt).getTime() > DRAFT_MAX_AGE_MS) {
        s.removeItem(key);
        return null;
      }
      return { savedAt: stored.savedAt, values: stored.values as T };
    },

    write(userId: string, formKey: string, values: unknown): void {
      if (owner !== undefined && owner !== userId) return;
      const stored: Stored = { userId, savedAt: now().toISOString(), values };
      try {
        storage()?.setItem(keyOf(userId, formKey), JSON.stringify(stored));
      } catch {
        // Storage full or blocked: the form still works, only without a draft.
      }
    },

    remove(userId: string, formKey: string): void {
      storage()?.removeItem(keyOf(userId, formKey));
    },

    /** Removes every draft except those of `keepUserId` (null: every draft, at sign-out). */
    removeAllBut(keepUserId: string | null): void {
      owner = keepUserId;
      const s = storage();
      if (!s) return;
      for (const key of keys()) {
        const stored = parse(s.getItem(key));
        const mine =
          keepUserId !== null && stored?.userId === keepUserId && key.startsWith(keyOf(keepUserId, ''));
        if (!mine) s.removeItem(key);
      }
    },
  };
}

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The app's one draft store (localStorage). */
export const drafts = createDraftStore(browserStorage);
