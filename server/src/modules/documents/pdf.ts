import { rgb } from 'pdf-lib';
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
  /** Labels, each with a line to write its value on by hand. */
  blanks?: string[];
  /** Items to tick, each with a box per option and lines for a note. */
  checklist?: FormChecklist;
  /** Empty lines to write on, after the section's content. */
  lines?: number;
  /** Small grey print after the section: a scale, a source, a caveat. */
  note?: string;
}
export interface FormChecklist {
  /** The boxes of every item, e.g. "unauffällig", "auffällig", "nicht beurteilbar". */
  options: string[];
  items: { label: string; hint?: string }[];
  /** Lines to write a note on under each item. */
  lines: number;
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
/** Height of a line to write on by hand. */
const WRITING_LINE = 18;
const BOX = 8;

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

/** A line to write on, from x to the right margin, at the current height. */
function writingLine(l: Layout, x = MARGIN) {
  l.page.drawLine({
    start: { x, y: l.y },
    end: { x: A4.width - MARGIN, y: l.y },
    thickness: 0.4,
    color: rgb(0.45, 0.45, 0.45),
  });
}

function writingLines(l: Layout, count: number) {
  for (let i = 0; i < count; i++) {
    l.room(WRITING_LINE);
    l.gap(WRITING_LINE);
    writingLine(l);
  }
}

/** Each label bold in the label column, with a line to write on beside it (room above it for handwriting). */
function blanks(l: Layout, labels: string[]) {
  const style = l.style(BODY, true);
  for (const label of labels) {
    const lines = wrap(`${label}:`, style, LABEL_WIDTH).length;
    l.room(WRITING_LINE + lines * leading(BODY));
    l.gap(WRITING_LINE - leading(BODY));
    const top = l.y;
    l.row([{ width: LABEL_WIDTH, style }], [`${label}:`]);
    const bottom = l.y;
    l.y = top - BODY - 2;
    writingLine(l, MARGIN + LABEL_WIDTH + GUTTER);
    l.y = Math.min(bottom, l.y) - 2;
  }
}

/** An item to tick: its label, a hint in small print, a box per option in a row, and lines for a note. */
function checklist(l: Layout, c: FormChecklist) {
  const label = l.style(BODY, true);
  const hint = l.style(8, false, true);
  const body = l.style(BODY);
  const optionWidth = WIDTH / Math.max(1, c.options.length);
  for (const item of c.items) {
    const height =
      wrap(item.label, label, WIDTH).length * leading(BODY) +
      (item.hint ? wrap(item.hint, hint, WIDTH).length * leading(8) : 0) +
      leading(BODY) +
      6 +
      c.lines * WRITING_LINE;
    if (height <= l.pageRoom) l.room(height + 8);
    l.gap(4);
    l.paragraph(item.label, label);
    if (item.hint) l.paragraph(item.hint, hint);
    l.gap(4);
    l.room(leading(BODY));
    const top = l.y;
    c.options.forEach((_, i) => {
      l.page.drawRectangle({
        x: MARGIN + i * optionWidth,
        y: top - BODY - 1,
        width: BOX,
        height: BOX,
        borderWidth: 0.7,
        borderColor: rgb(0, 0, 0),
      });
    });
    l.row(
      c.options.map(() => ({ width: optionWidth - BOX - 4 - GUTTER, style: body })),
      c.options,
      MARGIN + BOX + 4,
      GUTTER + BOX + 4,
    );
    writingLines(l, c.lines);
    l.gap(4);
  }
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
  if (s.blanks) blanks(l, s.blanks);
  if (s.checklist) checklist(l, s.checklist);
  if (s.lines) writingLines(l, s.lines);
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
