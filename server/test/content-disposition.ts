/** Reads a Content-Disposition as RFC 6266 defines it: the type, then `; name=token` or `; name="quoted"`. */
export function parseContentDisposition(header: string): { type: string; params: [string, string][] } {
  const [, type, rest] = /^([a-z]+)(.*)$/s.exec(header) ?? [];
  if (!type) throw new Error(`no disposition type: ${header}`);
  const params: [string, string][] = [];
  const param = /^;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)=("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)/;
  let left = rest ?? '';
  while (left.length > 0) {
    const m = param.exec(left);
    if (!m) throw new Error(`unparsable rest: ${left}`);
    const raw = m[2] as string;
    params.push([m[1] as string, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw]);
    left = left.slice(m[0].length);
  }
  return { type, params };
}

/** The name a browser shows: filename* (RFC 8187) when present, else filename. */
export function downloadName(header: string): string {
  const { params } = parseContentDisposition(header);
  const extended = params.find(([k]) => k === 'filename*');
  if (extended) return decodeURIComponent(extended[1].replace(/^UTF-8''/, ''));
  return params.find(([k]) => k === 'filename')?.[1] ?? '';
}
