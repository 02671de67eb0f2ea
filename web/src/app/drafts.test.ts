import { describe, expect, it } from 'vitest';
import { createDraftStore, DRAFT_MAX_AGE_MS, type DraftStorage } from './drafts.ts';

function memoryStorage(): DraftStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
    key: (i) => [...entries.keys()][i] ?? null,
    get length() {
      return entries.size;
    },
  };
}

const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';

describe('the draft store', () => {
  it("never returns another user's draft of the same form", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.write(alice, 'vermerk:neu:fall-1', { text: 'Hausbesuch bei Familie B.' });
    expect(store.read(bob, 'vermerk:neu:fall-1')).toBeNull();
    expect(store.read<{ text: string }>(alice, 'vermerk:neu:fall-1')?.values.text).toBe(
      'Hausbesuch bei Familie B.',
    );
  });

  it("refuses a draft whose content names another user, even under the reader's key", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.write(alice, 'hilfeplan:fall-1', { text: 'geheim' });
    const [aliceKey] = [...storage.entries.keys()];
    // Someone copies Alice's entry under Bob's key: the content still names Alice.
    storage.setItem(aliceKey?.replace(alice, bob) ?? '', storage.getItem(aliceKey ?? '') ?? '');
    expect(store.read(bob, 'hilfeplan:fall-1')).toBeNull();
  });

  it("removes everyone else's drafts at a sign-in and every draft at sign-out", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.write(alice, 'a', { text: '1' });
    store.write(bob, 'a', { text: '2' });
    storage.setItem('andere.anwendung', 'bleibt');
    store.removeAllBut(bob);
    expect(store.read(alice, 'a')).toBeNull();
    expect(store.read(bob, 'a')).not.toBeNull();
    store.removeAllBut(null);
    expect(store.read(bob, 'a')).toBeNull();
    expect([...storage.entries.keys()]).toEqual(['andere.anwendung']);
  });

  it("writes nothing after sign-out, and only the signed-in user's drafts after a sign-in", () => {
    const storage = memoryStorage();
    const store = createDraftStore(() => storage);
    store.removeAllBut(null);
    // A form unmounting after sign-out saves what was typed last: it must not come back.
    store.write(alice, 'a', { text: 'zu spät' });
    expect(storage.length).toBe(0);
    store.removeAllBut(bob);
    store.write(alice, 'a', { text: 'fremd' });
    store.write(bob, 'a', { text: 'eigen' });
    expect(store.read(alice, 'a')).toBeNull();
    expect(store.read<{ text: string }>(bob, 'a')?.values.text).toBe('eigen');
  });

  it('drops a draft nobody came back to within the maximum age', () => {
    const storage = memoryStorage();
    let now = new Date('2026-12-01T10:00:00Z');
    const store = createDraftStore(
      () => storage,
      () => now,
    );
    store.write(alice, 'a', { text: 'alt' });
    now = new Date(now.getTime() + DRAFT_MAX_AGE_MS + 1);
    expect(store.read(alice, 'a')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('works without storage (blocked by the browser): nothing is kept, nothing fails', () => {
    const store = createDraftStore(() => null);
    store.write(alice, 'a', { text: 'x' });
    expect(store.read(alice, 'a')).toBeNull();
  });
});
