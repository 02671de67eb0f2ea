import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, xlsx } from './xlsx.ts';

/** Reads the stored entries of a ZIP (as written by zip(): no compression) back by their local headers. */
function entries(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const data = bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    expect(view.getUint32(at + 14, true)).toBe(nodeCrc32(data));
    out.set(name, new TextDecoder().decode(data));
    at += 30 + nameLength + size;
  }
  return out;
}

describe('xlsx', () => {
  it('computes the CRC-32 of ZIP', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a workbook with text and numbers, escaped, in the parts Excel expects', () => {
    const book = xlsx('Kosten 2025', [
      ['Jahr', 'gesamt (€)', 'Hinweis'],
      [2025, 24500.5, 'A & B <importiert>'],
      [2026, null, ''],
    ]);
    const files = entries(book);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<c r="A2"><v>2025</v></c>');
    expect(sheet).toContain('<c r="B2"><v>24500.5</v></c>');
    expect(sheet).toContain('A &amp; B &lt;importiert&gt;');
    expect(sheet).toContain('<row r="3"><c r="A3"><v>2026</v></c></row>');
    expect(files.get('xl/workbook.xml')).toContain('name="Kosten 2025"');
  });

  it('is a ZIP that standard tools read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-'));
    const file = path.join(dir, 'test.xlsx');
    writeFileSync(file, xlsx('Test', [['a', 1]]));
    const listing = execFileSync('python3', [
      '-c',
      `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(len(z.namelist()))`,
      file,
    ]).toString();
    expect(listing.trim().split('\n')).toEqual(['None', '5']);
  });
});
