import { type CaseDetail, type CaseNoteKind, caseNoteKinds, formatDateDe } from '@leuchtturm/shared';
import { Anchor, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { formatDateTimeDe } from '../../../app/dateTime.ts';
import { filterTimeline, type TimelineView } from './timelineFilter.ts';

const viewOptions = [
  { value: 'alle', label: 'Alle' },
  { value: 'vermerke', label: 'Vermerke' },
  { value: 'ereignisse', label: 'Ereignisse' },
];
const kindOptions = [
  { value: '', label: 'Alle Arten' },
  ...caseNoteKinds.values.map((value) => ({ value, label: caseNoteKinds.labels[value] })),
];

/** Verlauf: the system events of the case and its Aktenvermerke, newest first, filterable. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const headingId = useId();
  const viewLabelId = useId();
  const [view, setView] = useState<TimelineView>('alle');
  const [kind, setKind] = useState('');
  const entries = filterTimeline(
    detail.timeline,
    view,
    view === 'ereignisse' ? null : (kind as CaseNoteKind) || null,
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id={headingId}>
        Verlauf
      </Title>
      <Group align="flex-end" gap="md">
        <div>
          <Text component="span" id={viewLabelId} size="sm" fw={500} display="block" mb={4}>
            Anzeigen
          </Text>
          <SegmentedControl
            aria-labelledby={viewLabelId}
            data={viewOptions}
            value={view}
            onChange={(value) => setView(value as TimelineView)}
          />
        </div>
        {view !== 'ereignisse' && (
          <Select
            label="Art des Vermerks"
            data={kindOptions}
            value={kind}
            onChange={(value) => setKind(value ?? '')}
            allowDeselect={false}
            w={220}
          />
        )}
      </Group>
      <Text size="sm" c="gray.7">
        Neueste Einträge zuerst.
      </Text>
      {entries.length === 0 ? (
        <Text c="gray.8">Keine Einträge zu diesem Filter.</Text>
      ) : (
        <ol className="case-timeline" aria-labelledby={headingId}>
          {entries.map((entry, index) =>
            entry.note ? (
              <li key={entry.note.id}>
                <time dateTime={entry.note.occurredAt}>{formatDateTimeDe(entry.note.occurredAt)}</time>
                <span className="pre-wrap">{entry.text}</span>{' '}
                <Text component="span" size="sm" c="gray.7">
                  (Vermerk von {entry.note.author}
                  {entry.note.corrected ? ', korrigiert' : ''}
                  {entry.note.confided ? ', anvertraut nach § 65 SGB VIII' : ''})
                </Text>{' '}
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      to="/faelle/$caseId"
                      params={{ caseId: detail.id }}
                      search={{ bereich: 'vermerke' }}
                      {...props}
                    />
                  )}
                >
                  Zu den Vermerken
                </Anchor>
              </li>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; the list is replaced as a whole
              <li key={index}>
                <time dateTime={entry.at}>{formatDateDe(entry.at)}</time>
                {entry.text}
              </li>
            ),
          )}
        </ol>
      )}
    </Stack>
  );
}
