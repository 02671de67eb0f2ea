import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  it('writes UTF-8 with BOM, semicolons and CRLF, quoting what needs it', () => {
    expect(
      toCsv([
        ['Team', 'Kosten'],
        ['Walle; Nord', '1.234,56'],
        ['Sag "Hallo"', null],
      ]),
    ).toBe('\uFEFFTeam;Kosten\r\n"Walle; Nord";"1.234,56"\r\n"Sag ""Hallo""";\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula, but keeps negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '-12,50', '@SUM(A1)', -3]])).toBe(
      '\uFEFF"\'=HYPERLINK(""x"")";"-12,50";\'@SUM(A1);-3\r\n',
    );
  });

  it('reads semicolon, comma and tab files, with or without BOM, and reports line numbers', () => {
    expect(detectSeparator('a;b,c\n1;2')).toBe(';');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(parseCsv('\uFEFFMonat;Betrag\r\n\r\n2026-01; 12,50 \r\n')).toEqual([
      { line: 1, cells: ['Monat', 'Betrag'] },
      { line: 3, cells: ['2026-01', '12,50'] },
    ]);
    expect(parseCsv('a,"b, c"\n"x\ny",z\n')).toEqual([
      { line: 1, cells: ['a', 'b, c'] },
      { line: 2, cells: ['x\ny', 'z'] },
    ]);
  });

  it('reads back whatever it wrote (cells without a formula start)', () => {
    const safeText = fc
      .string()
      .filter((s) => !/^[=+@\t\r-]/.test(s) && s.trim() === s && !s.includes('\uFEFF'));
    fc.assert(
      fc.property(
        fc.array(fc.array(safeText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const nonEmpty = rows.filter((r) => r.some((c) => c !== ''));
          expect(parseCsv(toCsv(rows), ';').map((r) => r.cells)).toEqual(nonEmpty);
        },
      ),
    );
  });
});
