import { glossaryEntry } from './glossary.ts';
import { type HelpTopicId, isHelpTopic } from './topics.ts';

/**
 * The help texts' only markup: [[id]] or [[id|Wortlaut]] links a glossary term, [[hilfe:thema|Wortlaut]] or
 * [[hilfe:thema#abschnitt|Wortlaut]] another help page. Everything else is plain text: the texts never reach the
 * page as HTML.
 */
export type HelpInline =
  | { kind: 'text'; text: string }
  | { kind: 'term'; id: string; text: string }
  | { kind: 'page'; topic: HelpTopicId; section?: string; text: string };

const reference = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;

/** Splits a help text into text and links; an unknown reference stays visible as its text (the unit test fails). */
export function parseHelpText(source: string): HelpInline[] {
  const parts: HelpInline[] = [];
  let last = 0;
  for (const match of source.matchAll(reference)) {
    const [whole, target = '', label] = match;
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + whole.length;
    parts.push(resolve(target.trim(), label?.trim()));
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last) });
  return parts;
}

function resolve(target: string, label: string | undefined): HelpInline {
  if (target.startsWith('hilfe:')) {
    const [topic = '', section] = target.slice('hilfe:'.length).split('#');
    if (isHelpTopic(topic)) return { kind: 'page', topic, section, text: label ?? topic };
    return { kind: 'text', text: label ?? target };
  }
  const entry = glossaryEntry(target);
  if (!entry) return { kind: 'text', text: label ?? target };
  return { kind: 'term', id: entry.id, text: label ?? entry.term };
}

/** Every reference of a text, for the test that no link of the help points nowhere. */
export function helpReferences(source: string): string[] {
  return [...source.matchAll(reference)].map((m) => (m[1] ?? '').trim());
}
