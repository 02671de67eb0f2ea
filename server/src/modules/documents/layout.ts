import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { winAnsiSafe } from './winAnsi.ts';

/**
 * The page layout under the forms and reports: A4, fixed margins, Helvetica. Text is wrapped to its column (a word
 * longer than the column is broken, at a hyphen or slash where it can be), and every line is placed with a page
 * break when it would run into the footer. Rows of columns (label/value fields, tables, list items) advance by their
 * tallest cell, so that no two texts share a place. A row is kept on one page when it fits on one.
 */

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 56;
export const WIDTH = A4.width - 2 * MARGIN;
/** The lowest baseline of the body; the footer sits below it. */
const BOTTOM = MARGIN;
const FOOTER_BASELINE = 30;
/** Space between the columns of a row. */
export const GUTTER = 10;

export interface Style {
  font: PDFFont;
  size: number;
  grey?: boolean;
}
export const leading = (size: number) => Math.round(size * 1.4);

export interface Column {
  width: number;
  style: Style;
  align?: 'left' | 'right';
}

/** Splits a word wider than the column into pieces that fit, preferring a break after "-" or "/". */
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
    let end = 1;
    while (end < rest.length && font.widthOfTextAtSize(rest.slice(0, end + 1), size) <= width) end++;
    const soft = Math.max(rest.lastIndexOf('-', end - 1), rest.lastIndexOf('/', end - 1));
    const cut = soft > 0 ? soft + 1 : end;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}

/** The text as lines that fit the width (already made drawable); an empty paragraph stays an empty line. */
export function wrap(text: string, style: Style, width: number): string[] {
  const { font, size } = style;
  const lines: string[] = [];
  for (const paragraph of winAnsiSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const pieces = breakWord(word, font, size, width);
      for (const [i, piece] of pieces.entries()) {
        const next = line && i === 0 ? `${line} ${piece}` : `${line}${piece}`;
        if (line && font.widthOfTextAtSize(next, size) > width) {
          lines.push(line);
          line = piece;
        } else {
          line = next;
        }
        if (i < pieces.length - 1) {
          lines.push(line);
          line = '';
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

export class Layout {
  page: PDFPage;
  /** The top of the next line. */
  y = A4.height - MARGIN;
  /** Called on each new page (a table repeats its header). */
  private onNewPage: (() => void) | null = null;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
  }

  static async create(title: string): Promise<Layout> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setLanguage('de-DE');
    doc.setCreator('Leuchtturm');
    return new Layout(
      doc,
      await doc.embedFont(StandardFonts.Helvetica),
      await doc.embedFont(StandardFonts.HelveticaBold),
    );
  }

  style(size: number, bold = false, grey = false): Style {
    return { font: bold ? this.bold : this.regular, size, grey };
  }

  /** Room for this much height below y, or a new page. */
  room(height: number) {
    if (this.y - height >= BOTTOM) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    this.onNewPage?.();
  }

  gap(height: number) {
    this.y -= height;
  }

  /** The height a fresh page offers to the body. */
  get pageRoom() {
    return A4.height - MARGIN - BOTTOM;
  }

  draw(page: PDFPage, line: string, x: number, top: number, style: Style, width?: number, align = 'left') {
    if (!line) return;
    const offset = align === 'right' && width ? width - style.font.widthOfTextAtSize(line, style.size) : 0;
    page.drawText(line, {
      x: x + offset,
      y: top - style.size,
      size: style.size,
      font: style.font,
      color: style.grey ? rgb(0.3, 0.3, 0.3) : rgb(0, 0, 0),
    });
  }

  rule(thickness = 0.5) {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness,
    });
  }

  /** Text wrapped to the width at x, line by line with page breaks. */
  paragraph(text: string, style: Style, x = MARGIN, width = WIDTH) {
    this.row([{ width, style }], [text], x);
  }

  /**
   * One row of columns from x: each cell wrapped to its column, the row as tall as its tallest cell. Kept on one
   * page when it fits on one; otherwise its lines flow over the page break, each column continuing at the same line.
   */
  row(columns: Column[], cells: string[], x = MARGIN, gutter = GUTTER) {
    const lines = columns.map((c, i) => wrap(cells[i] ?? '', c.style, c.width));
    const steps = columns.map((c) => leading(c.style.size));
    const step = Math.max(...steps);
    const count = Math.max(...lines.map((l) => l.length));
    if (count * step <= this.pageRoom) this.room(count * step);
    const places: { page: PDFPage; top: number }[] = [];
    for (let i = 0; i < count; i++) {
      this.room(step);
      places.push({ page: this.page, top: this.y });
      this.y -= step;
    }
    // Column by column, so that each cell's text stays together in the content stream.
    let left = x;
    for (const [c, column] of columns.entries()) {
      for (const [i, line] of (lines[c] ?? []).entries()) {
        const place = places[i];
        if (place) this.draw(place.page, line, left, place.top, column.style, column.width, column.align);
      }
      left += column.width + gutter;
    }
  }

  /** A table: the header row (bold) repeats on every page the table spans. */
  table(columns: Column[], header: string[], rows: string[][]) {
    const headerColumns = columns.map((c) => ({ ...c, style: this.style(c.style.size, true) }));
    const drawHeader = () => {
      this.row(headerColumns, header);
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 2 },
        end: { x: A4.width - MARGIN, y: this.y + 2 },
        thickness: 0.3,
      });
      this.y -= 2;
    };
    this.room(leading(headerColumns[0]?.style.size ?? 9) * 3);
    drawHeader();
    this.onNewPage = drawHeader;
    for (const cells of rows) {
      this.row(columns, cells);
      this.gap(2);
    }
    this.onNewPage = null;
  }

  /** "Seite i von n" on every page, with a short left text (the title) cut to fit. */
  footers(left: string) {
    const style = this.style(8, false, true);
    const pages = this.doc.getPages();
    const [first = ''] = wrap(left, style, WIDTH - 90);
    const leftText = first === winAnsiSafe(left) ? first : `${first.replace(/\s*\S*$/, '')} …`;
    for (const [i, page] of pages.entries()) {
      const right = `Seite ${i + 1} von ${pages.length}`;
      this.draw(page, leftText, MARGIN, FOOTER_BASELINE + style.size, style);
      this.draw(page, right, MARGIN, FOOTER_BASELINE + style.size, style, WIDTH, 'right');
    }
  }
}
