import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * What a generated PDF looks like, read back with Debian's poppler-utils: every word with its box
 * (`pdftotext -bbox -raw`, in drawing order, top-down coordinates in points) and every page rendered to PNG
 * (`pdftoppm`). The tests need the binaries: without them they fail with a message that says what to install.
 */

const run = promisify(execFile);

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}
export interface PdfImage {
  bytes: number;
  width: number;
  height: number;
}
export interface PdfInspection {
  pages: PdfPage[];
  images: PdfImage[];
}

async function poppler(tool: 'pdftotext' | 'pdftoppm', args: string[]) {
  try {
    return await run(tool, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      throw new Error(
        `${tool} is missing: install poppler-utils (Debian: apt-get install -y poppler-utils). The PDF tests render every generated PDF with it.`,
      );
    }
    throw error;
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (entities[e] ?? m),
  );

function parseBbox(html: string): PdfPage[] {
  const pages: PdfPage[] = [];
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tag)) {
    if (m[1]) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    pages.at(-1)?.words.push({
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
      text: decodeEntities(m[7] ?? ''),
    });
  }
  return pages;
}

/** Width and height from a PNG's header (and that it is one). */
function pngInfo(png: Buffer): PdfImage {
  const signature = png.subarray(0, 8).toString('hex') === '89504e470d0a1a0a';
  const ihdr = png.subarray(12, 16).toString('latin1') === 'IHDR';
  return {
    bytes: png.length,
    width: signature && ihdr ? png.readUInt32BE(16) : 0,
    height: signature && ihdr ? png.readUInt32BE(20) : 0,
  };
}

export async function inspectPdf(pdf: Uint8Array): Promise<PdfInspection> {
  const dir = await mkdtemp(join(tmpdir(), 'leuchtturm-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await poppler('pdftotext', ['-bbox', '-raw', '-enc', 'UTF-8', file, '-']);
    await poppler('pdftoppm', ['-png', '-r', '30', file, join(dir, 'page')]);
    const names = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const images = await Promise.all(names.map(async (f) => pngInfo(await readFile(join(dir, f)))));
    return { pages: parseBbox(stdout), images };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Distance from the paper's edge that no text may come closer than (printers do not print to the edge). */
const EDGE = 20;
/** Below this line from the top of the page (points), the page footer: left out of the running text. */
const footerZone = (page: PdfPage) => page.height - 40;
/** Boxes may touch; they overlap when they share more than this (points) in both directions. */
const TOLERANCE = 0.3;

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The text of the body (page footers left out), in drawing order. */
export function runningText(doc: PdfInspection): string {
  return doc.pages.flatMap((p) => p.words.filter((w) => w.yMin < footerZone(p)).map((w) => w.text)).join(' ');
}

export interface PdfExpectations {
  /** Texts the document must show, in full (wrapping and page breaks do not matter). */
  texts: string[];
  /** Words with a "?" that the document may show (a question asked in the form itself). */
  questions?: string[];
}

/**
 * Everything wrong with the document's layout, as sentences (empty: nothing). Checks: each page rendered to a
 * non-empty image; no text outside the printable area; no two words overlap; no replacement glyph ("?" in a word
 * that the input does not have, U+FFFD); every expected text present.
 */
export function pdfProblems(doc: PdfInspection, expected: PdfExpectations): string[] {
  const problems: string[] = [];
  if (doc.pages.length === 0) problems.push('no pages');
  if (doc.images.length !== doc.pages.length) {
    problems.push(`${doc.images.length} images rendered for ${doc.pages.length} pages`);
  }
  for (const [i, image] of doc.images.entries()) {
    if (image.bytes < 200 || image.width === 0 || image.height === 0)
      problems.push(`page ${i + 1}: empty image`);
  }
  const allowedQuestions = new Set([
    ...(expected.questions ?? []),
    ...expected.texts.flatMap((t) => t.split(/\s+/).filter((w) => w.includes('?'))),
  ]);
  for (const [p, page] of doc.pages.entries()) {
    const at = (w: PdfWord) => `page ${p + 1}, "${w.text}" at (${w.xMin.toFixed(1)}, ${w.yMin.toFixed(1)})`;
    for (const w of page.words) {
      if (w.xMin < EDGE || w.yMin < EDGE || w.xMax > page.width - EDGE || w.yMax > page.height - EDGE) {
        problems.push(`${at(w)}: outside the printable area`);
      }
      if (w.text.includes('\ufffd')) problems.push(`${at(w)}: replacement character U+FFFD`);
      if (w.text.includes('?') && !allowedQuestions.has(w.text)) problems.push(`${at(w)}: replacement "?"`);
    }
    for (let i = 0; i < page.words.length; i++) {
      for (let j = i + 1; j < page.words.length; j++) {
        const a = page.words[i] as PdfWord;
        const b = page.words[j] as PdfWord;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > TOLERANCE && dy > TOLERANCE) problems.push(`${at(a)} overlaps "${b.text}"`);
      }
    }
  }
  const text = squeeze(runningText(doc));
  for (const t of expected.texts) {
    if (!text.includes(squeeze(t)))
      problems.push(`missing text: "${t.length > 80 ? `${t.slice(0, 80)}…` : t}"`);
  }
  return problems;
}

/** The page footers ("Seite 1 von 2"), one line per page. */
export function pageFooters(doc: PdfInspection): string[] {
  return doc.pages.map((p) =>
    p.words
      .filter((w) => w.yMin >= footerZone(p))
      .map((w) => w.text)
      .join(' '),
  );
}
