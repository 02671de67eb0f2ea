import { knowledgeKinds } from '@leuchtturm/shared';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { Markdown } from './Markdown.tsx';
import { useKnowledgePage } from './queries.ts';
import { KnowledgeForm } from './TeamForms.tsx';

/** A page of the knowledge base, its Markdown rendered safely (Markdown.tsx). */
export function KnowledgePageView() {
  const { pageId } = useParams({ from: '/app/team/wissen/$pageId' });
  const page = useKnowledgePage(pageId);
  const [editing, setEditing] = useState(false);
  if (page.isPending) return <Loading />;
  if (page.isError) return <ErrorAlert error={page.error} title="Seite nicht geladen" />;
  const p = page.data;
  return (
    <Page title={p.title}>
      <Group>
        <Anchor renderRoot={(props) => <Link to="/team" {...props} />}>Zurück zu Team und Wissen</Anchor>
        <Text size="sm" c="gray.8">
          {knowledgeKinds.labels[p.kind]}
        </Text>
        {p.mayManage && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            Seite ändern
          </Button>
        )}
      </Group>
      <Markdown source={p.body} />
      {editing && <KnowledgeForm page={p} onClose={() => setEditing(false)} />}
    </Page>
  );
}
