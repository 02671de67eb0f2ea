import { inflateRawSync, crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, type XlsxCell, xlsx } from './xlsx.ts';

/*
 * The workbook is checked the way a spreadsheet program opens it, with Node alone (no python, no unzip): the ZIP
 * from its end-of-central-directory record through the central directory to each local header, every part as XML,
 * and the chain of content types and relationships from the package root to the sheet.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The files of a ZIP archive, read from the central directory; throws on anything a ZIP reader would reject. */
function readZip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The record is 22 bytes plus a comment of at most 65535: search backwards from the end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff) && eocd < 0; at--)
    if (view.getUint32(at, true) === 0x06054b50) eocd = at;
  if (eocd < 0) throw new Error('no end-of-central-directory record');
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 8, true) !== count) throw new Error('entry counts disagree');
  if (start + view.getUint32(eocd + 12, true) !== eocd) throw new Error('central directory size is wrong');
  const files = new Map<string, string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central entry ${i}: bad signature`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`${name}: no local header`);
    const localNameLength = view.getUint16(local + 26, true);
    if (utf8.decode(bytes.subarray(local + 30, local + 30 + localNameLength)) !== name)
      throw new Error(`${name}: local header names another file`);
    const hasDescriptor = (view.getUint16(local + 6, true) & 0x08) !== 0;
    if (
      !hasDescriptor &&
      (view.getUint32(local + 14, true) !== crc || view.getUint32(local + 18, true) !== compressedSize)
    )
      throw new Error(`${name}: local and central headers disagree`);
    const from = local + 30 + localNameLength + view.getUint16(local + 28, true);
    const raw = bytes.subarray(from, from + compressedSize);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: unknown compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: size ${data.length}, expected ${size}`);
    if (nodeCrc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    if (files.has(name)) throw new Error(`${name}: twice in the archive`);
    files.set(name, utf8.decode(data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return files;
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(text)) throw new Error(`bad entity in "${text}"`);
  return text.replace(/&(#x[\da-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (entities[e] as string),
  );
}

/** A well-formed XML document (declaration, elements, attributes, text) as a tree; throws when it is not one. */
function parseXml(text: string): XmlElement {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack = [root];
  let at = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
  while (at < text.length) {
    const next = text.indexOf('<', at);
    const chunk = text.slice(at, next < 0 ? text.length : next);
    const parent = stack.at(-1) as XmlElement;
    if (chunk.trim() !== '') {
      if (parent === root) throw new Error('text outside the root element');
      parent.children.push(unescapeXml(chunk));
    }
    if (next < 0) break;
    tag.lastIndex = next;
    const m = tag.exec(text);
    if (!m) throw new Error(`malformed tag at ${next}: ${text.slice(next, next + 40)}`);
    const [, closing, name = '', attrText = '', selfClosing] = m;
    if (closing) {
      if (stack.pop()?.name !== name) throw new Error(`</${name}> closes another element`);
    } else {
      const attributes: Record<string, string> = {};
      for (const [, key = '', value = ''] of attrText.matchAll(/([\w.:-]+)="([^"]*)"/g)) {
        if (key in attributes) throw new Error(`${name}: attribute ${key} twice`);
        attributes[key] = unescapeXml(value);
      }
      const element: XmlElement = { name, attributes, children: [] };
      if (parent === root && root.children.length > 0) throw new Error('a second root element');
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    at = tag.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is not closed`);
  return root.children[0] as XmlElement;
}

const all = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) =>
    typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...all(c, name)],
  );
const textOf = (el: XmlElement): string =>
  el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

/** Opens the workbook as a spreadsheet program would and returns its sheet name and cells by reference. */
function openWorkbook(bytes: Uint8Array) {
  const files = readZip(bytes);
  const xml = new Map([...files].map(([name, text]) => [name, parseXml(text)]));
  const part = (name: string) => {
    const el = xml.get(name);
    if (!el) throw new Error(`missing part ${name}`);
    return el;
  };
  for (const o of all(part('[Content_Types].xml'), 'Override'))
    expect(files.has(String(o.attributes.PartName).slice(1)), `${o.attributes.PartName} exists`).toBe(true);
  const target = (rels: string, match: (r: XmlElement) => boolean) =>
    all(part(rels), 'Relationship').find(match)?.attributes.Target;
  const workbookPath = target('_rels/.rels', (r) => String(r.attributes.Type).endsWith('/officeDocument'));
  expect(workbookPath).toBe('xl/workbook.xml');
  const [sheet] = all(part('xl/workbook.xml'), 'sheet');
  if (!sheet) throw new Error('the workbook has no sheet');
  const sheetTarget = target(
    'xl/_rels/workbook.xml.rels',
    (r) => r.attributes.Id === sheet.attributes['r:id'],
  );
  const cells = new Map<string, string | number>();
  for (const c of all(part(`xl/${sheetTarget}`), 'c')) {
    const ref = String(c.attributes.r);
    const [v] = all(c, 'v');
    cells.set(ref, c.attributes.t === 'inlineStr' ? textOf(c) : Number(v ? textOf(v) : Number.NaN));
  }
  return { sheetName: sheet.attributes.name, cells };
}

describe('xlsx', () => {
  it('computes the CRC-32 of ZIP', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a workbook that opens with its sheet name and every value, text escaped, empty cells left out', () => {
    const rows: XlsxCell[][] = [
      ['Jahr', 'gesamt (€)', 'Hinweis'],
      [2025, 24500.5, 'A & B <importiert> "so"'],
      [2026, null, ''],
    ];
    const book = openWorkbook(xlsx('Kosten 2025', rows));
    expect(book.sheetName).toBe('Kosten 2025');
    expect(Object.fromEntries(book.cells)).toEqual({
      A1: 'Jahr',
      B1: 'gesamt (€)',
      C1: 'Hinweis',
      A2: 2025,
      B2: 24500.5,
      C2: 'A & B <importiert> "so"',
      A3: 2026,
    });
    expect([...readZip(xlsx('Kosten 2025', rows)).keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('drops control characters XML cannot hold and cleans the sheet name of characters Excel refuses', () => {
    const book = openWorkbook(xlsx('Kosten/2025: [alle]', [['a\u0001b\tc\nd', 'ü']]));
    expect(book.sheetName).toBe('Kosten 2025   alle ');
    expect(book.cells.get('A1')).toBe('ab\tc\nd');
    expect(book.cells.get('B1')).toBe('ü');
  });

  it('the reader refuses a damaged archive and malformed XML, so the checks above can fail', () => {
    const book = xlsx('Test', [['a', 1]]);
    const damaged = book.slice();
    const sheetData = Buffer.from(book).indexOf('<sheetData>');
    damaged[sheetData + 1] = 0x58; // one byte of the sheet's XML changed behind the CRC's back
    expect(() => readZip(damaged)).toThrow(/CRC-32/);
    expect(() => readZip(book.subarray(0, book.length - 1))).toThrow(/end-of-central-directory/);
    expect(() => parseXml('<a><b></a>')).toThrow(/closes another element/);
    expect(() => parseXml('<a>A & B</a>')).toThrow(/bad entity/);
  });
});
