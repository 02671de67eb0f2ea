/**
 * A help page as data: an introduction and sections, each a heading (h2) and blocks. A block is a paragraph, a
 * list or a numbered sequence of steps; texts use the markup of ../markup.ts and nothing else.
 */
export type HelpBlock = string | { list: readonly string[] } | { steps: readonly string[] };

export interface HelpSection {
  /** The anchor (/hilfe/<thema>#<id>); on the cases help, the key of the case tab it explains. */
  id: string;
  heading: string;
  blocks: readonly HelpBlock[];
}

export interface HelpTopicContent {
  intro: string;
  sections: readonly HelpSection[];
}
