import { createHash } from 'node:crypto';
import { processStepsSchema } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical.ts';
import { shippedDefinitions } from './shipped.ts';

describe('the shipped process definitions', () => {
  it('are valid definitions exactly as written (the schema adds or drops nothing)', () => {
    for (const d of shippedDefinitions) {
      const parsed = processStepsSchema.safeParse(d.steps);
      expect(parsed.error?.issues ?? [], d.key).toEqual([]);
      expect(parsed.data).toEqual(d.steps);
    }
  });

  it('name each key and version once, and ship child protection, help for education and counselling', () => {
    const ids = shippedDefinitions.map((d) => `${d.key}@${d.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(shippedDefinitions.filter((d) => d.version === 1).map((d) => d.key)).toEqual([
      'kinderschutz',
      'hilfe_zur_erziehung',
      'beratung',
    ]);
  });

  it('complete the child-protection steps by the records of the child-protection module', () => {
    const cp = shippedDefinitions.find((d) => d.key === 'kinderschutz');
    expect(cp?.steps.map((s) => s.completedBy)).toEqual([
      'child_protection.report',
      'child_protection.initial_assessment',
      'child_protection.assessment',
      'child_protection.visit',
      'child_protection.result',
      'child_protection.consequence',
    ]);
  });

  it('keep version 1 as migration 0011 inserted it (a change is a new version, never an edit)', () => {
    const v1 = shippedDefinitions.filter((d) => d.version === 1);
    expect(createHash('sha256').update(canonicalJson(v1)).digest('hex')).toBe(
      '40330e115ccfef1b4509b297f19e216491147b1734e9ccb89da69d4d577dae25',
    );
  });
});
