import { describe, expect, it } from 'vitest';
import { caseSections } from '../cases/sections/caseSearch.ts';
import { type ContentTopicId, helpContent, helpSummaries } from './content/index.ts';
import type { HelpTopicContent } from './content/types.ts';
import { glossary, glossaryEntry } from './glossary.ts';
import { glossaryByLetter, matchesGlossary } from './glossarySearch.ts';
import { fieldHints } from './hints.ts';
import { helpReferences, parseHelpText } from './markup.ts';
import { helpTargetFor, helpTopics, isHelpTopic } from './topics.ts';

async function allContent(): Promise<[ContentTopicId, HelpTopicContent][]> {
  const ids = Object.keys(helpContent) as ContentTopicId[];
  return Promise.all(
    ids.map(async (id) => [id, await helpContent[id]()] as [ContentTopicId, HelpTopicContent]),
  );
}

function textsOf(content: HelpTopicContent): string[] {
  return [
    content.intro,
    ...content.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (typeof b === 'string' ? [b] : 'list' in b ? b.list : b.steps)),
    ),
  ];
}

describe('field hints', () => {
  it('link only glossary terms that exist, by the term or one of its other names', () => {
    for (const [key, hint] of Object.entries(fieldHints)) {
      for (const [id, label] of hint.terms) {
        const entry = glossaryEntry(id);
        expect(entry, `hint ${key} links ${id}`).toBeDefined();
        expect([entry?.term, ...(entry?.also ?? [])], `hint ${key}: link text of ${id}`).toContain(label);
      }
    }
  });
});

describe('help texts', () => {
  it('every link of the glossary and of each help page leads to a term, a page or a section that exists', async () => {
    const contents = new Map(await allContent());
    const sources = [...glossary.map((e) => e.text), ...[...contents.values()].flatMap(textsOf)];
    const broken: string[] = [];
    for (const source of sources) {
      for (const ref of helpReferences(source)) {
        if (!ref.startsWith('hilfe:')) {
          if (!glossaryEntry(ref)) broken.push(ref);
          continue;
        }
        const [topic = '', section] = ref.slice('hilfe:'.length).split('#');
        if (!isHelpTopic(topic)) broken.push(ref);
        else if (section && !contents.get(topic as ContentTopicId)?.sections.some((s) => s.id === section))
          broken.push(ref);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every help page has text, a summary, and sections with distinct anchors', async () => {
    for (const [id, content] of await allContent()) {
      expect(content.sections.length, id).toBeGreaterThan(0);
      const anchors = content.sections.map((s) => s.id);
      expect(new Set(anchors).size, id).toBe(anchors.length);
    }
    for (const t of helpTopics) expect(helpSummaries[t.id]).not.toBe('');
  });

  it('splits a text into plain text and links, and shows an unknown reference as text', () => {
    expect(
      parseHelpText(
        'Im [[graubereich]] gibt es [[auftrag|Aufträge]], siehe [[hilfe:faelle#einordnung|Fälle]].',
      ),
    ).toEqual([
      { kind: 'text', text: 'Im ' },
      { kind: 'term', id: 'graubereich', text: 'Graubereich' },
      { kind: 'text', text: ' gibt es ' },
      { kind: 'term', id: 'auftrag', text: 'Aufträge' },
      { kind: 'text', text: ', siehe ' },
      { kind: 'page', topic: 'faelle', section: 'einordnung', text: 'Fälle' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseHelpText('<b>[[gibtsnicht]]</b>')).toEqual([
      { kind: 'text', text: '<b>' },
      { kind: 'text', text: 'gibtsnicht' },
      { kind: 'text', text: '</b>' },
    ]);
  });
});

describe('glossary', () => {
  it('has each anchor once', () => {
    const ids = glossary.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('sorts alphabetically in German, umlauts with their vowel', () => {
    const groups = glossaryByLetter(glossary);
    const letters = groups.map(([letter]) => letter);
    expect(letters).toEqual([...letters].sort((a, b) => a.localeCompare(b, 'de')));
    expect(letters).not.toContain('Ä');
    const all = groups.flatMap(([, entries]) => entries.map((e) => e.term));
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('the filter finds a term by its name, another name or its explanation, with or without umlauts', () => {
    const find = (q: string) => glossary.filter((e) => matchesGlossary(e, q)).map((e) => e.id);
    expect(find('Graubereich')).toContain('graubereich');
    expect(find('konsensziel')).toEqual(['richtungsziel']);
    expect(find('Gefahrdungsbereich')).toContain('gefaehrdungsbereich');
    expect(find('  ')).toHaveLength(glossary.length);
    expect(find('xyzzy')).toEqual([]);
  });
});

describe("the shell's help link", () => {
  it('opens the help of the module the user is in', () => {
    expect(helpTargetFor('/')).toEqual({ topic: 'arbeitsliste' });
    expect(helpTargetFor('/faelle')).toEqual({ topic: 'faelle' });
    expect(helpTargetFor('/faelle/123')).toEqual({ topic: 'faelle' });
    expect(helpTargetFor('/faelle/123', 'kinderschutz')).toEqual({ topic: 'kinderschutz' });
    expect(helpTargetFor('/faelle/123', 'einordnung')).toEqual({ topic: 'faelle', section: 'einordnung' });
    expect(helpTargetFor('/finanzen')).toEqual({ topic: 'hilfen' });
    expect(helpTargetFor('/konto')).toEqual({});
    expect(helpTargetFor('/hilfe/glossar')).toEqual({});
  });

  it('from every tab of the case page leads to a help page, or a section of the cases help that exists', async () => {
    const contents = new Map(await allContent());
    for (const tab of caseSections) {
      const target = helpTargetFor('/faelle/123', tab);
      expect(target.topic, tab).toBeDefined();
      if (target.section) {
        const page = contents.get(target.topic as ContentTopicId);
        expect(
          page?.sections.map((s) => s.id),
          tab,
        ).toContain(target.section);
      }
    }
  });
});
