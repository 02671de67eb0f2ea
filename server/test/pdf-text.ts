import { inflateSync } from 'node:zlib';

/**
 * The text drawn into a PDF made with pdf-lib's standard fonts: inflate each content stream and decode its hex
 * strings (WinAnsi, close enough to Latin-1 for German). Enough to check what a generated form says.
 */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const out: string[] = [];
  const streamRe = /stream\r?\n/g;
  for (let m = streamRe.exec(raw); m; m = streamRe.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g))
      out.push(Buffer.from(hex[1] as string, 'hex').toString('latin1'));
  }
  return out.join('\n');
}
