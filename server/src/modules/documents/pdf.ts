import { A4, type Column, GUTTER, Layout, leading, MARGIN, WIDTH, wrap } from './layout.ts';

/**
 * Office documents as PDF: letterhead, title, the document's identification (Aktenzeichen and date, or a report's
 * region and period), sections of labelled fields, free text, lists and tables, signature lines, and page numbers.
 * Laid out on A4 with the standard Helvetica (no font files to ship; see winAnsi.ts for the characters it draws).
 */
export interface FormSection {
  heading: string;
  fields?: [label: string, value: string][];
  text?: string;
  list?: FormList;
  table?: FormTable;
  /** Small grey print after the section: a scale, a source, a caveat. */
  note?: string;
}
export interface FormList {
  numbered?: boolean;
  items: FormListItem[];
}
export interface FormListItem {
  text: string;
  /** Lines under the item, indented like its text. */
  details?: string[];
  /** A nested list under the item (a dash each). */
  items?: string[];
}
export interface FormTable {
  /** Widths are shares of the text width. Numbers are right-aligned. */
  columns: { label: string; share: number; align?: 'left' | 'right' }[];
  rows: string[][];
}
export interface FormSpec {
  office: string;
  unit: string;
  title: string;
  /** What identifies the document, right under the letterhead: [label, value]. */
  meta: [label: string, value: string][];
  sections: FormSection[];
  signatures: string[];
}

const BODY = 9;
const LABEL_WIDTH = 150;
const SIGNATURE_COLUMNS = 3;
const SIGNATURE_GAP = 24;
/** Room above a signature line to sign in. */
const SIGNATURE_SPACE = 36;
const META_WIDTH = 230;

function fields(l: Layout, rows: [string, string][]) {
  const columns: Column[] = [
    { width: LABEL_WIDTH, style: l.style(BODY, true) },
    { width: WIDTH - LABEL_WIDTH - GUTTER, style: l.style(BODY) },
  ];
  for (const [label, value] of rows) l.row(columns, [`${label}:`, value || '–']);
}

function list(l: Layout, { numbered = false, items }: FormList) {
  if (items.length === 0) return l.paragraph('–', l.style(BODY));
  const body = l.style(BODY);
  const marker = numbered ? l.regular.widthOfTextAtSize(`${items.length}.`, BODY) + 6 : 10;
  const text = WIDTH - marker - GUTTER;
  for (const [i, item] of items.entries()) {
    l.row(
      [
        { width: marker, style: body, align: 'right' },
        { width: text, style: body },
      ],
      [numbered ? `${i + 1}.` : '•', item.text],
    );
    const indent = MARGIN + marker + GUTTER;
    for (const detail of item.details ?? []) l.paragraph(detail, body, indent, text);
    for (const sub of item.items ?? []) {
      l.row(
        [
          { width: 8, style: body },
          { width: text - 8 - GUTTER, style: body },
        ],
        ['–', sub],
        indent,
      );
    }
    l.gap(2);
  }
}

function table(l: Layout, t: FormTable) {
  const shares = t.columns.reduce((sum, c) => sum + c.share, 0);
  const free = WIDTH - GUTTER * (t.columns.length - 1);
  const columns: Column[] = t.columns.map((c) => ({
    width: (free * c.share) / shares,
    style: l.style(BODY - 0.5),
    align: c.align ?? 'left',
  }));
  if (t.rows.length === 0) return l.paragraph('–', l.style(BODY));
  l.table(
    columns,
    t.columns.map((c) => c.label),
    t.rows,
  );
}

function section(l: Layout, s: FormSection) {
  // The heading stays with the first lines of its content (a table's header and first row, too).
  l.room(leading(11) + 11 + 3 * leading(BODY));
  l.gap(6);
  l.paragraph(s.heading, l.style(11, true));
  l.rule(0.3);
  l.gap(5);
  if (s.fields) fields(l, s.fields);
  if (s.text !== undefined) l.paragraph(s.text || '–', l.style(BODY));
  if (s.list) list(l, s.list);
  if (s.table) table(l, s.table);
  if (s.note) {
    l.gap(2);
    l.paragraph(s.note, l.style(8, false, true));
  }
}

/** Signature lines in up to three columns a row, each caption wrapped to its column; a row stays on one page. */
function signatures(l: Layout, labels: string[]) {
  if (labels.length === 0) return;
  const caption = l.style(8);
  const perRow = Math.min(SIGNATURE_COLUMNS, labels.length);
  const width = (WIDTH - SIGNATURE_GAP * (perRow - 1)) / perRow;
  l.gap(12);
  for (let start = 0; start < labels.length; start += perRow) {
    const captions = labels.slice(start, start + perRow).map((label) => `Ort, Datum, Unterschrift\n${label}`);
    const lines = Math.max(...captions.map((c) => wrap(c, caption, width).length));
    l.room(SIGNATURE_SPACE + 4 + lines * leading(caption.size));
    l.gap(SIGNATURE_SPACE);
    captions.forEach((_, i) => {
      const x = MARGIN + i * (width + SIGNATURE_GAP);
      l.page.drawLine({ start: { x, y: l.y }, end: { x: x + width, y: l.y }, thickness: 0.5 });
    });
    l.gap(4);
    l.row(
      captions.map(() => ({ width, style: caption })),
      captions,
      MARGIN,
      SIGNATURE_GAP,
    );
  }
}

export async function renderForm(spec: FormSpec): Promise<Uint8Array> {
  const l = await Layout.create(spec.title);
  l.paragraph(spec.office, l.style(11, true));
  l.paragraph(spec.unit, l.style(10));
  l.gap(4);
  l.rule(0.8);
  l.gap(8);
  const metaX = A4.width - MARGIN - META_WIDTH;
  for (const [label, value] of spec.meta) l.paragraph(`${label}: ${value}`, l.style(BODY), metaX, META_WIDTH);
  l.gap(10);
  l.paragraph(spec.title, l.style(16, true));
  l.gap(4);
  for (const s of spec.sections) section(l, s);
  signatures(l, spec.signatures);
  const [first] = spec.meta;
  l.footers(first ? `${spec.title} · ${first[0]}: ${first[1]}` : spec.title);
  return l.doc.save();
}
