import './help.css';
import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { type ComponentType, lazy, Suspense } from 'react';
import { Page } from '../../app/Page.tsx';
import { Loading } from '../../app/QueryState.tsx';
import { type ContentTopicId, helpContent, helpSummaries } from './content/index.ts';
import type { HelpTopicContent } from './content/types.ts';
import { HelpBlockView, HelpText } from './HelpText.tsx';
import { type HelpTopicId, helpTopics, helpTopicTitle, isHelpTopic } from './topics.ts';
import { useHashTarget } from './useHashTarget.ts';

const GlossaryPage = lazy(() => import('./GlossaryPage.tsx').then((m) => ({ default: m.GlossaryPage })));

/** /hilfe: every help page with one line on what it explains. */
export function HelpIndexPage() {
  return (
    <Page title="Hilfe">
      <Text maw={760}>
        Die Hilfe erklärt jedes Modul: was die Einträge bedeuten und welche Methode dahintersteht. Der Link
        „Hilfe“ oben öffnet auf jeder Seite die passende Hilfe; das Glossar erklärt die Begriffe.
      </Text>
      <nav aria-label="Hilfethemen">
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className="help-cards">
          {helpTopics.map((t) => (
            <Paper component="li" key={t.id} withBorder p="md" radius="md">
              <Stack gap={4}>
                <Anchor
                  fw={700}
                  renderRoot={(props) => <Link to="/hilfe/$thema" params={{ thema: t.id }} {...props} />}
                >
                  {t.title}
                </Anchor>
                <Text size="sm">{helpSummaries[t.id]}</Text>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </nav>
    </Page>
  );
}

/** /hilfe/<thema>: one module's help, or the glossary. */
export function HelpTopicPage() {
  const { thema } = useParams({ from: '/app/hilfe/$thema' });
  if (!isHelpTopic(thema))
    return (
      <Page title="Hilfeseite nicht gefunden">
        <Text>Diese Hilfeseite gibt es nicht.</Text>
        <AllTopicsLink />
      </Page>
    );
  const title = helpTopicTitle(thema);
  const Body = thema === 'glossar' ? GlossaryPage : topicBody(thema);
  return (
    <Page title={`Hilfe: ${title}`} heading={title}>
      <AllTopicsLink />
      <Suspense fallback={<Loading />}>
        <Body />
      </Suspense>
      <OtherTopics current={thema} />
    </Page>
  );
}

function AllTopicsLink() {
  return (
    <Anchor renderRoot={(props) => <Link to="/hilfe" {...props} />} w="fit-content">
      Alle Hilfethemen
    </Anchor>
  );
}

function TopicBody({ content }: { content: HelpTopicContent }) {
  useHashTarget(true);
  return (
    <Stack gap="xl">
      <Text maw={760} size="lg">
        <HelpText source={content.intro} />
      </Text>
      {content.sections.length > 1 && (
        <nav aria-label="Auf dieser Seite">
          <List spacing={2} size="sm">
            {content.sections.map((s) => (
              <List.Item key={s.id}>
                <Anchor href={`#${s.id}`} inherit>
                  {s.heading}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </nav>
      )}
      {content.sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <Stack gap="sm">
            <Title order={2} size="h3" id={s.id} tabIndex={-1} className="help-target">
              {s.heading}
            </Title>
            {s.blocks.map((block, i) => (
              <HelpBlockView key={typeof block === 'string' ? block : i} block={block} />
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

/** Each page's text loads with the page (content/index.ts); one lazy component per page, made on first use. */
const topicBodies = new Map<ContentTopicId, ComponentType>();
function topicBody(id: ContentTopicId): ComponentType {
  let body = topicBodies.get(id);
  if (!body) {
    body = lazy(() =>
      helpContent[id]().then((content) => ({ default: () => <TopicBody content={content} /> })),
    );
    topicBodies.set(id, body);
  }
  return body;
}

function OtherTopics({ current }: { current: HelpTopicId }) {
  return (
    <nav aria-label="Weitere Hilfethemen" className="help-topics">
      <Title order={2} size="h4" mb="xs">
        Weitere Hilfethemen
      </Title>
      <List spacing={2} size="sm">
        {helpTopics
          .filter((t) => t.id !== current)
          .map((t) => (
            <List.Item key={t.id}>
              <Anchor
                inherit
                renderRoot={(props) => <Link to="/hilfe/$thema" params={{ thema: t.id }} {...props} />}
              >
                {t.title}
              </Anchor>
            </List.Item>
          ))}
      </List>
    </nav>
  );
}
