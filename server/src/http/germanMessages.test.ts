import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isGerman } from '../../test/security/fuzz-check.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('validation messages', () => {
  it('reads every literal validation message of the shared and server schemas as German, as the fuzzer does', () => {
    // The fuzzer checks the messages a random request happens to provoke; this checks every literal one at once
    // (a random run found "Stunden pro Woche ab 0." only after many earlier runs had passed).
    const messages = [path.join(root, 'packages/shared/src'), path.join(root, 'server/src')]
      .flatMap(sources)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\b(?:error|message): '([^']+)'/g)].map((m) => ({
          file: path.relative(root, file),
          text: m[1] as string,
        })),
      );
    expect(messages.length).toBeGreaterThan(50);
    expect(messages.filter((m) => !isGerman(m.text))).toEqual([]);
  });
});
