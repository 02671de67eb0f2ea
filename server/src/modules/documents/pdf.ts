import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * Office forms as PDF: letterhead, title, sections of labelled fields and free text, signature lines. Laid out on
 * A4 with the standard Helvetica (no font files to ship); text outside its character set is transliterated.
 */
export interface FormSection {
  heading: string;
  fields?: [label: string, value: string][];
  text?: string;
}
export interface FormSpec {
  office: string;
  unit: string;
  title: string;
  reference: string;
  date: string;
  sections: FormSection[];
  signatures: string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/** Helvetica's WinAnsi covers German; other letters (ş, ł, ...) lose their diacritics instead of failing. */
export function winAnsiSafe(text: string): string {
  const allowed = /[\u0020-\u007e\u00a0-\u00ff€„“”‚‘’–—…§]/;
  return [...text.replace(/\r\n?/g, '\n')]
    .map((ch) => (ch === '\n' || allowed.test(ch) ? ch : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))
    .map((ch) => (ch === '\n' || allowed.test(ch) ? ch : '?'))
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsiSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderForm(spec: FormSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsiSafe(spec.title));
  doc.setLanguage('de-DE');
  doc.setCreator('Leuchtturm');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const write = (text: string, font: PDFFont, size: number, x = MARGIN, width = WIDTH) => {
    for (const line of wrap(text, font, size, width)) {
      ensure(size + 4);
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size + 4;
    }
  };

  // Letterhead
  write(spec.office, bold, 11);
  write(spec.unit, regular, 10);
  page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: A4[0] - MARGIN, y: y - 4 }, thickness: 0.8 });
  y -= 12;
  write(`Aktenzeichen: ${spec.reference}`, regular, 9, A4[0] - MARGIN - 200, 200);
  write(`Datum: ${spec.date}`, regular, 9, A4[0] - MARGIN - 200, 200);
  y -= 8;
  write(spec.title, bold, 16);
  y -= 6;

  for (const section of spec.sections) {
    ensure(40);
    y -= 6;
    write(section.heading, bold, 11);
    page.drawLine({ start: { x: MARGIN, y: y + 1 }, end: { x: A4[0] - MARGIN, y: y + 1 }, thickness: 0.3 });
    y -= 4;
    for (const [label, value] of section.fields ?? []) {
      const top = y;
      write(`${label}:`, bold, 9, MARGIN, 150);
      const after = y;
      y = top;
      write(value || '–', regular, 9, MARGIN + 160, WIDTH - 160);
      y = Math.min(y, after);
    }
    if (section.text !== undefined) write(section.text || '–', regular, 9);
  }

  // Signature lines
  y -= 30;
  ensure(60);
  const columns = Math.max(1, spec.signatures.length);
  const columnWidth = WIDTH / columns;
  spec.signatures.forEach((label, i) => {
    const x = MARGIN + i * columnWidth;
    page.drawLine({ start: { x, y: y - 30 }, end: { x: x + columnWidth - 20, y: y - 30 }, thickness: 0.5 });
    page.drawText(winAnsiSafe(`Ort, Datum, Unterschrift ${label}`), { x, y: y - 42, size: 8, font: regular });
  });

  const pages = doc.getPages();
  for (const [i, p] of pages.entries()) {
    p.drawText(`Seite ${i + 1} von ${pages.length}`, {
      x: A4[0] - MARGIN - 60,
      y: MARGIN / 2,
      size: 8,
      font: regular,
    });
  }
  return doc.save();
}
