import { describe, expect, it } from 'vitest';
import { readPaymentLines } from './payments.ts';

const id = '0b7d2a4e-5c1f-4e8a-9d3b-2f6a7c8e9d01';
const other = '1c8e3b5f-6d2a-4f9b-8e4c-3a7b8d9f0e12';

describe('reading a payments file', () => {
  it('reads German spreadsheet style: ";" with decimal commas, a header, a BOM and CRLF', () => {
    const { accepted, rejected } = readPaymentLines(
      `\uFEFFMaßnahme;Monat;Betrag\r\n${id};2026-03;1400,00\r\n${other};2026-03;99\r\n`,
    );
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      { measureId: id, month: '2026-03', amount: '1400.00', line: 2 },
      { measureId: other, month: '2026-03', amount: '99', line: 3 },
    ]);
  });

  it('reads "," with decimal points and no header, and quoted cells of either style', () => {
    const { accepted, rejected } = readPaymentLines(`${id},2026-03,1400.50\n"${other}","2026-04","12,5"\n`);
    expect(rejected).toEqual([]);
    expect(accepted.map((a) => [a.line, a.amount])).toEqual([
      [1, '1400.50'],
      [2, '12.5'],
    ]);
  });

  it('takes ";" as the separator when the header alone uses ","', () => {
    const { accepted } = readPaymentLines(`measure,month,amount\n${id};2026-03;1400,00\n`);
    expect(accepted).toEqual([{ measureId: id, month: '2026-03', amount: '1400.00', line: 2 }]);
  });

  it('reports every refused line with its number in the file, blank lines counted', () => {
    const csv = [
      'Maßnahme;Monat;Betrag',
      `${id};2026-03;1400,00`,
      '',
      `${id};2026-13;10,00`,
      'kaputt',
      `${id};2026-03;1,00`,
      `${other};2026-03;1,001`,
      `nicht-uuid;2026-03;5`,
      `${other};2026-05;5;extra`,
    ].join('\n');
    const { accepted, rejected } = readPaymentLines(csv);
    expect(accepted.map((a) => a.line)).toEqual([2]);
    expect(rejected).toEqual([
      { line: 4, reason: 'Der Monat muss die Form JJJJ-MM haben.' },
      { line: 5, reason: 'Erwartet drei Spalten (Maßnahme, Monat, Betrag), gefunden 1.' },
      { line: 6, reason: 'Für diese Maßnahme und diesen Monat steht schon eine Zeile in der Datei.' },
      { line: 7, reason: 'Der Betrag muss eine Zahl mit höchstens zwei Nachkommastellen sein.' },
      { line: 8, reason: 'Die Maßnahme ist keine gültige Kennung.' },
      { line: 9, reason: 'Erwartet drei Spalten (Maßnahme, Monat, Betrag), gefunden 4.' },
    ]);
  });

  it('treats a header-like first cell on a later line as a bad line, not as a header', () => {
    const { rejected } = readPaymentLines(`${id};2026-03;5\nMaßnahme;Monat;Betrag\n`);
    expect(rejected.map((r) => r.line)).toEqual([2]);
  });
});
