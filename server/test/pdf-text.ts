import { inflateSync } from 'node:zlib';

// WinAnsi is Latin-1 but for 0x80-0x9F, which hold typographic marks (decoded here by hand: Node's decoder for
// windows-1252 may drop them).
const winAnsiHigh: Record<number, string> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((ch, i) => [0x80 + i, ch]),
);
const winAnsi = {
  decode: (b: Buffer) => [...b].map((c) => winAnsiHigh[c] ?? String.fromCharCode(c)).join(''),
};

/**
 * The text drawn into a PDF made with pdf-lib's standard fonts: inflate each content stream and decode its hex
 * strings (WinAnsi). Enough to check what a generated form says.
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
      out.push(winAnsi.decode(Buffer.from(hex[1] as string, 'hex')));
  }
  return out.join('\n');
}
