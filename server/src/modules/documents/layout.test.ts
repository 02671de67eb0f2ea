import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Style, wrap } from './layout.ts';

async function style(size = 9): Promise<Style> {
  const doc = await PDFDocument.create();
  return { font: await doc.embedFont(StandardFonts.Helvetica), size };
}

describe('wrap', () => {
  it('breaks between words so that each line fits, and keeps paragraphs and empty lines', async () => {
    const s = await style();
    const lines = wrap('Die Familie wünscht sich Unterstützung.\n\nZweiter Absatz', s, 90);
    expect(lines).toEqual(['Die Familie wünscht', 'sich Unterstützung.', '', 'Zweiter Absatz']);
  });

  it('breaks a word longer than the column, after a hyphen where there is one', async () => {
    const s = await style();
    const lines = wrap('Kinder-und-Jugendhilfe-Rahmenvereinbarung', s, 80);
    expect(lines[0]).toMatch(/-$/);
    expect(lines.join('')).toBe('Kinder-und-Jugendhilfe-Rahmenvereinbarung');
    const plain = wrap('Donaudampfschifffahrtsgesellschaftskapitänswitwe', s, 60);
    expect(plain.length).toBeGreaterThan(1);
    expect(plain.join('')).toBe('Donaudampfschifffahrtsgesellschaftskapitänswitwe');
  });

  it('never answers a line wider than the column and loses no character but spaces, for any text', async () => {
    const s = await style();
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zäöüß-]{1,40}$/), { maxLength: 30 }),
        fc.integer({ min: 40, max: 480 }),
        (words, width) => {
          const text = words.join(' ');
          const lines = wrap(text, s, width);
          for (const line of lines) expect(s.font.widthOfTextAtSize(line, s.size)).toBeLessThanOrEqual(width);
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
      { numRuns: 200 },
    );
  });
});
