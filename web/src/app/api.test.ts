import { describe, expect, it } from 'vitest';
import { fileNameOf } from './api.ts';

describe('fileNameOf (Content-Disposition)', () => {
  it('prefers the UTF-8 name the server sends for umlauts', () => {
    expect(
      fileNameOf(`attachment; filename="Auskunft-Mueller.pdf"; filename*=UTF-8''Auskunft-M%C3%BCller.pdf`),
    ).toBe('Auskunft-Müller.pdf');
  });

  it('reads a plain quoted or unquoted name, with escaped quotes', () => {
    expect(fileNameOf('attachment; filename="Auskunft-Beispiel.json"')).toBe('Auskunft-Beispiel.json');
    expect(fileNameOf('attachment; filename="a\\"b.pdf"')).toBe('a"b.pdf');
    expect(fileNameOf('attachment; filename=Bericht.pdf')).toBe('Bericht.pdf');
  });

  it('answers null without a header or a name', () => {
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
