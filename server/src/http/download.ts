/**
 * The Content-Disposition of a download (RFC 6266). File names come from data (team names, uploaded files), so:
 * - `filename="…"` is an ASCII fallback in which quotes and backslashes are escaped and control characters and
 *   anything beyond ASCII are replaced (a quote can not end the value and smuggle in a second `filename=`; Node
 *   refuses header values beyond Latin-1 with an exception);
 * - `filename*=UTF-8''…` (RFC 8187) carries the exact name whenever the fallback differs from it, e.g. for umlauts.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  // Control characters and path separators never belong in a file name on disk.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const name = fileName.replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, '_').trim() || 'download';
  const fallback = asciiFallback(name);
  const header = `${disposition}; filename="${fallback.replace(/["\\]/g, '\\$&')}"`;
  return fallback === name ? header : `${header}; filename*=UTF-8''${encodeRfc8187(name)}`;
}

const transliterations: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

function asciiFallback(name: string): string {
  return name
    .replace(/[äöüÄÖÜß]/g, (c) => transliterations[c] ?? '_')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_');
}

/** Percent-encodes all but RFC 8187's attr-char (encodeURIComponent also leaves ' ( ) * as they are). */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
