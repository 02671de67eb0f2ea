import { describe, expect, it } from 'vitest';
import { downloadName, parseContentDisposition } from '../../test/content-disposition.ts';
import { contentDisposition } from './download.ts';

describe('Content-Disposition of downloads', () => {
  it('keeps a plain ASCII name as a quoted filename only', () => {
    expect(contentDisposition('hze-statistik-2025.csv')).toBe(
      'attachment; filename="hze-statistik-2025.csv"',
    );
  });

  it('escapes a quote so that a team name can not inject a second filename', () => {
    const name = 'kennzahlen-Team "Nord"; filename="boese.html".csv';
    const header = contentDisposition(name);
    const { params } = parseContentDisposition(header);
    expect(params.filter(([k]) => k === 'filename')).toEqual([['filename', name]]);
    expect(downloadName(header)).toBe(name);
  });

  it('sends umlauts as filename* and a readable ASCII fallback', () => {
    const header = contentDisposition('Übersicht Gröpelingen.csv');
    expect(parseContentDisposition(header).params).toEqual([
      ['filename', 'Uebersicht Groepelingen.csv'],
      ['filename*', "UTF-8''%C3%9Cbersicht%20Gr%C3%B6pelingen.csv"],
    ]);
    expect(downloadName(header)).toBe('Übersicht Gröpelingen.csv');
  });

  it('produces a header of printable ASCII only for names beyond Latin-1', () => {
    const header = contentDisposition("Łódź (Süd) 50€ 'neu'.pdf");
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(downloadName(header)).toBe("Łódź (Süd) 50€ 'neu'.pdf");
  });

  it('drops line breaks and path separators, so nothing can end the header or leave the folder', () => {
    const header = contentDisposition('a\r\nSet-Cookie: x=1/../b\\c.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(downloadName(header)).toBe('a__Set-Cookie: x=1_.._b_c.txt');
  });

  it('falls back to a neutral name when nothing is left', () => {
    expect(contentDisposition('  ')).toBe('attachment; filename="download"');
  });
});
