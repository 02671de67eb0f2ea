import { Anchor, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { HelpBlock } from './content/types.ts';
import { parseHelpText } from './markup.ts';

/** One help text with its links: glossary terms and other help pages, within the app (same tab). */
export function HelpText({ source }: { source: string }) {
  return (
    <>
      {parseHelpText(source).map((part, i) => {
        const key = `${i}-${part.kind}`;
        if (part.kind === 'text') return <span key={key}>{part.text}</span>;
        if (part.kind === 'term')
          return (
            <Anchor
              key={key}
              inherit
              renderRoot={(props) => (
                <Link to="/hilfe/$thema" params={{ thema: 'glossar' }} hash={part.id} {...props} />
              )}
            >
              {part.text}
            </Anchor>
          );
        return (
          <Anchor
            key={key}
            inherit
            renderRoot={(props) => (
              <Link to="/hilfe/$thema" params={{ thema: part.topic }} hash={part.section} {...props} />
            )}
          >
            {part.text}
          </Anchor>
        );
      })}
    </>
  );
}

export function HelpBlockView({ block }: { block: HelpBlock }) {
  if (typeof block === 'string')
    return (
      <Text maw={760}>
        <HelpText source={block} />
      </Text>
    );
  const items = 'list' in block ? block.list : block.steps;
  return (
    <List type={'steps' in block ? 'ordered' : 'unordered'} spacing="xs" maw={760} withPadding>
      {items.map((item) => (
        <List.Item key={item}>
          <HelpText source={item} />
        </List.Item>
      ))}
    </List>
  );
}
