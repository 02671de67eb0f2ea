import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { winAnsiSafe } from './winAnsi.ts';

describe('winAnsiSafe', () => {
  it('keeps German text and the typographic marks WinAnsi has, the bullet among them', () => {
    const german = 'Größe „Straße“ – Äpfel, Öl, Übung; ‚Zitat‘ … 12 € § 36 • Punkt — Ende';
    expect(winAnsiSafe(german)).toBe(german);
  });

  it('maps marks WinAnsi lacks to their nearest neighbour instead of "?"', () => {
    expect(winAnsiSafe('◦ a ▪ b ● c ‣ d')).toBe('• a • b • c • d');
    expect(winAnsiSafe('−12 ‐ 3')).toBe('–12 - 3');
    expect(winAnsiSafe('a → b ⇒ c ≥ 2 ≤ 3 ≠ 4 ≈ 5')).toBe('a -> b => c >= 2 <= 3 != 4 ~ 5');
    expect(winAnsiSafe('1\u202f000 a\u200bb Trenn\u00adung')).toBe('1\u00a0000 ab Trennung');
    expect(winAnsiSafe('ﬁnden Ｗeg')).toBe('finden Weg');
    expect(winAnsiSafe('☐ offen ☑ erledigt ✓')).toBe('[ ] offen [x] erledigt x');
  });

  it('takes the diacritics off letters WinAnsi lacks and transliterates Cyrillic as passports do', () => {
    expect(winAnsiSafe('Ayşe Yılmaz, Łukasz Wałęsa, Đorđe, Nguyễn')).toBe(
      'Ayse Yilmaz, Lukasz Walesa, Dorde, Nguyen',
    );
    expect(winAnsiSafe('Олена Шевченко, Юрій Щербак')).toBe('Olena Shevchenko, Iurii Shcherbak');
  });

  it('drops emoji and stray marks, normalises line breaks, and marks only unknown scripts with "?"', () => {
    expect(winAnsiSafe('Danke 😊👍🏽!')).toBe('Danke !');
    expect(winAnsiSafe('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(winAnsiSafe('محمد')).toBe('????');
  });

  it('answers only characters the standard Helvetica can encode, for any input', async () => {
    const doc = await PDFDocument.create();
    const fonts = [
      await doc.embedFont(StandardFonts.Helvetica),
      await doc.embedFont(StandardFonts.HelveticaBold),
    ];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const safe = winAnsiSafe(text).replaceAll('\n', ' ');
        for (const font of fonts) expect(() => font.encodeText(safe)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
