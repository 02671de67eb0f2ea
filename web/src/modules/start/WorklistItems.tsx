import {
  formatDateDe,
  type Worklist,
  type WorklistBucket,
  type WorklistItem,
  worklistBuckets,
  worklistItemKinds,
} from '@leuchtturm/shared';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDateTimeDe } from '../../app/dateTime.ts';

/** The items of a work list in three sections, child protection on top of each (the server's order). */

const emptyText: Record<WorklistBucket, string> = {
  ueberfaellig: 'Nichts ist überfällig.',
  heute: 'Heute ist nichts fällig.',
  diese_woche: 'Diese Woche ist sonst nichts fällig.',
};

function dueText(item: WorklistItem): string {
  const when = item.dueAt ? formatDateTimeDe(item.dueAt) : formatDateDe(item.dueOn);
  if (item.overdue) return item.dueAt ? `überfällig seit ${when}` : `war fällig am ${when}`;
  return item.dueAt ? `fällig bis ${when}` : `fällig am ${when}`;
}

function Item({ item, showLead }: { item: WorklistItem; showLead: boolean }) {
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className={item.childProtection ? 'worklist-item worklist-item-cp' : 'worklist-item'}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          {item.childProtection && (
            <Badge color="red" variant="filled" tt="none">
              Kinderschutz
            </Badge>
          )}
          <Text size="sm" c="gray.8" component="span">
            {worklistItemKinds.labels[item.kind]}
          </Text>
        </Group>
        {item.link ? (
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link
                to="/faelle/$caseId"
                params={{ caseId: item.link?.caseId ?? '' }}
                search={{ bereich: item.link?.section }}
                {...props}
              />
            )}
          >
            {item.title}
          </Anchor>
        ) : (
          <Anchor
            fw={600}
            renderRoot={(props) => (
              <Link to="/sozialraum/besuche/$visitId" params={{ visitId: item.visitId ?? '' }} {...props} />
            )}
          >
            {item.title}
          </Anchor>
        )}
        <Text size="sm">
          {item.case
            ? `Fall ${item.case.caseNumber} · ${item.case.family}`
            : 'Fallunabhängige Arbeit im Sozialraum'}
          {item.case && showLead && ` · Fallführung: ${item.lead?.name ?? 'nicht zugeteilt'}`}
        </Text>
        <Text size="sm" fw={item.overdue ? 700 : 400} c={item.overdue ? 'red.9' : 'gray.8'}>
          {dueText(item)}
        </Text>
      </Stack>
    </Paper>
  );
}

export function WorklistSections({ list, showLead }: { list: Worklist; showLead: boolean }) {
  const c = list.counts;
  return (
    <Stack gap="lg">
      <Text aria-live="polite">
        {c.ueberfaellig} überfällig
        {c.kinderschutzUeberfaellig > 0 && `, davon ${c.kinderschutzUeberfaellig} im Kinderschutz`} ·{' '}
        {c.heute} heute · {c.diese_woche} diese Woche (bis {formatDateDe(list.weekEnd)})
      </Text>
      {list.truncated && (
        <Text c="gray.8">
          Es ist mehr fällig, als diese Liste zeigt; die überfälligen Fristen und der Kinderschutz stehen
          oben.
        </Text>
      )}
      {worklistBuckets.values.map((bucket) => {
        const items = list.items.filter((i) => i.bucket === bucket);
        const id = `arbeitsvorrat-${bucket}`;
        return (
          <section key={bucket} aria-labelledby={id}>
            <Title order={3} id={id} size="h4" mb="xs">
              {worklistBuckets.labels[bucket]} ({c[bucket]})
            </Title>
            {items.length === 0 ? (
              <Text c="gray.8">{emptyText[bucket]}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <Item key={item.id} item={item} showLead={showLead} />
                ))}
              </Stack>
            )}
          </section>
        );
      })}
    </Stack>
  );
}
