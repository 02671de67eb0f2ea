import { caseWorkTerms } from './glossaryCaseWork.ts';
import { officeTerms } from './glossaryOffice.ts';
import type { HelpTopicId } from './topics.ts';

/**
 * One term of the glossary. `text` may point at other terms with [[id]] or [[id|Wortlaut]] (HelpText.tsx renders
 * them as links); `topic` names the help page that explains the term in context.
 */
export interface GlossaryEntry {
  /** The anchor on the glossary page (/hilfe/glossar#<id>) and the key that field hints and help texts use. */
  id: string;
  term: string;
  /** Other names and spellings; the filter finds them too. */
  also?: readonly string[];
  text: string;
  topic?: HelpTopicId;
}

/** The terms of the method and of the system, after docs/domain.md and the Bremen and Hamburg sources. */
export const glossary = [...caseWorkTerms, ...officeTerms] as const;

export type GlossaryId = (typeof glossary)[number]['id'];

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return glossary.find((e) => e.id === id);
}
