/**
 * A small Markdown parser for the knowledge base (docs/conference-and-team.md). It produces a tree that
 * Markdown.tsx turns into React elements: no HTML string ever reaches the page, raw HTML in the source stays
 * visible text, and a link keeps its target only when it is http(s) or relative (anything else, e.g. javascript:
 * or data:, becomes plain text).
 *
 * Supported: headings (#, ##, ###), paragraphs, lists (- or * , and 1.), quotes (>), rules (---), and inline
 * **bold**, *italic* or _italic_, `code` and [text](target).
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'rule' };

/** A link target that may be followed: http(s), or relative to the app (/…, ./…, ../…, #…). */
export function safeHref(target: string): string | null {
  const href = target.trim();
  if (/^https?:\/\/[^\s]+$/i.test(href)) return href;
  // Relative: no scheme (a colon before the first slash, question mark or hash would be one) and no "//" host.
  if (/^(\/(?!\/)|\.\.?\/|#)[^\s]*$/.test(href) && !/^[^/?#]*:/.test(href)) return href;
  return null;
}

const inlinePattern = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/;

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  while (rest.length > 0) {
    const match = inlinePattern.exec(rest);
    if (!match) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, strong, em1, em2, code, linkText, linkTarget] = match;
    if (strong !== undefined) out.push({ kind: 'strong', children: parseInline(strong) });
    else if (em1 !== undefined || em2 !== undefined)
      out.push({ kind: 'em', children: parseInline(em1 ?? em2 ?? '') });
    else if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (linkText !== undefined && linkTarget !== undefined) {
      const href = safeHref(linkTarget);
      if (href) out.push({ kind: 'link', href, children: parseInline(linkText) });
      else out.push({ kind: 'text', text: linkText });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const listItem = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = listItem.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      const level = (heading[1] ?? '#').length as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, children: parseInline(heading[2] ?? '') });
    } else if (/^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
    } else if (item) {
      flush();
      const ordered = item[1] !== undefined;
      const last = blocks.at(-1);
      const children = parseInline(item[2] ?? '');
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(children);
      else blocks.push({ kind: 'list', ordered, items: [children] });
    } else if (line.startsWith('>')) {
      flush();
      blocks.push({ kind: 'quote', children: parseInline(line.replace(/^>\s?/, '')) });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
