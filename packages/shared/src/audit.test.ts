import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActions, auditEntityLabel, auditEntityTypes } from './audit.ts';

const codes = new Set<string>([...auditActions, ...auditEntityTypes]);

/** A label a user can read: German words, starting with a capital, no code, no underscore. */
function expectGermanLabel(code: string, label: string) {
  expect({ code, label }).toEqual({
    code,
    label: expect.stringMatching(/^[A-ZÄÖÜ][\p{L}\p{N}\p{Zs}().,§-]+$/u),
  });
  expect(label).not.toContain('_');
  expect(codes.has(label)).toBe(false);
}

describe('the words of the audit trail', () => {
  it('gives every action a German label, each a different one', () => {
    for (const action of auditActions) expectGermanLabel(action, auditActionLabel(action));
    expect(new Set(auditActions.map(auditActionLabel)).size).toBe(auditActions.length);
  });

  it('gives every kind of record a German label, each a different one', () => {
    for (const type of auditEntityTypes) expectGermanLabel(type, auditEntityLabel(type));
    expect(new Set(auditEntityTypes.map(auditEntityLabel)).size).toBe(auditEntityTypes.length);
  });

  it('shows a code of an older version as a word, never as the code', () => {
    expect(auditActionLabel('frobnicate')).toBe('Sonstige Aktion');
    expect(auditEntityLabel('district_outlines')).toBe('Sonstiger Eintrag');
  });
});
