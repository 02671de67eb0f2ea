/**
 * The one CSV writer and the one reader. Files are written the way German spreadsheet programs open them without
 * asking (UTF-8 with BOM, `;`, CRLF) and read whichever way offices produce them (`;`, `,` or tab; quoted cells with
 * doubled quotes and line breaks; a BOM or none).
 */
export type CsvCell = string | number | null | undefined;

const needsQuotes = /[";\r\n,\t]/;
// A spreadsheet runs a cell starting with = + - @ as a formula (CSV injection); text gets a leading apostrophe.
const formulaStart = /^[=+@\t\r]|^-(?![\d.,])/;

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvCell).join(';')}\r\n`).join('')}`;
}

export interface CsvRow {
  /** 1-based line number in the file where the row starts (for error messages). */
  line: number;
  cells: string[];
}

/** The separator of a file: the first of `;`, tab or `,` that occurs outside quotes on its first line. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  let quoted = false;
  const counts = { ';': 0, ',': 0, '\t': 0 };
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > 0) return ';';
  if (counts['\t'] > 0) return '\t';
  return ',';
}

/** Reads a CSV text into rows of trimmed cells; empty lines are skipped. */
export function parseCsv(input: string, separator = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRow[] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (ch === separator) {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (!wasQuoted) {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return rows;
}
