import { Anchor, Blockquote, Code, Divider, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Inline, parseMarkdown } from './markdown.ts';

/**
 * Markdown as React elements (the tree of markdown.ts): text is always a text node, never HTML, so a script, an
 * event handler or a javascript: link in a page can not run (markdown.test.ts).
 */
function inlines(parts: Inline[]): ReactNode[] {
  return parts.map((part, i) => {
    const key = `${i}-${part.kind}`;
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'strong':
        return <strong key={key}>{inlines(part.children)}</strong>;
      case 'em':
        return <em key={key}>{inlines(part.children)}</em>;
      case 'code':
        return <Code key={key}>{part.text}</Code>;
      default: {
        const external = /^https?:/i.test(part.href);
        return (
          <Anchor
            key={key}
            href={part.href}
            {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {inlines(part.children)}
          </Anchor>
        );
      }
    }
  });
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((block, i) => {
        const key = `${i}-${block.kind}`;
        switch (block.kind) {
          case 'heading':
            return (
              <Title key={key} order={(block.level + 1) as 2 | 3 | 4} mt="md" mb="xs">
                {inlines(block.children)}
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={key} mb="sm">
                {inlines(block.children)}
              </Text>
            );
          case 'list':
            return (
              <List key={key} type={block.ordered ? 'ordered' : 'unordered'} mb="sm">
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the items of a rendered text have no identity
                  <List.Item key={j}>{inlines(item)}</List.Item>
                ))}
              </List>
            );
          case 'quote':
            return (
              <Blockquote key={key} mb="sm">
                {inlines(block.children)}
              </Blockquote>
            );
          case 'rule':
            return <Divider key={key} my="md" />;
        }
        return null;
      })}
    </div>
  );
}
