import { ageCohorts, CLOSING_QUESTION, formatDateDe, ideaSources } from '@leuchtturm/shared';
import { Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { RegisterCase } from '../../conferences/RegisterCase.tsx';
import { formUrl } from '../caseQueries.ts';
import { PeerConsultationForm } from './PeerConsultationForm.tsx';
import { DownloadLink, InfoList, type SectionProps } from './ui.tsx';

/** Kollegiale Beratung in the Wochenkonferenz: past consultations (newest first) and the form for a new one. */
export function PeerConsultationSection({ detail, readOnly }: SectionProps) {
  const consultations = [...detail.peerConsultations].reverse();
  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Kollegiale Beratungen
        </Title>
        {!readOnly && <RegisterCase caseId={detail.id} />}
        {consultations.length === 0 && <Text>Noch keine kollegiale Beratung zu diesem Fall.</Text>}
        {consultations.map((c) => {
          const date = formatDateDe(c.heldOn);
          return (
            <Card key={c.id} withBorder padding="md" radius="md">
              <Stack gap="sm">
                <Title order={3} size="h5">
                  Kollegiale Beratung vom {date}
                </Title>
                <InfoList
                  items={[
                    ['Fragestellung', c.question],
                    ['Moderation', c.moderator],
                    ['Protokoll', c.minutes],
                    ['Perspektivwechsel', c.perspective],
                    ['Entscheidung', c.decision],
                    ['Altersgruppe des Bedarfs', ageCohorts.labels[c.ageCohort]],
                  ]}
                />
                {c.ideas.length > 0 && (
                  <div>
                    <Text size="sm" c="gray.7">
                      Ideen
                    </Text>
                    <List size="sm" spacing={4}>
                      {c.ideas.map((idea, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: ideas have no id and never change
                        <List.Item key={i}>
                          {ideaSources.labels[idea.source]}: {idea.text}
                        </List.Item>
                      ))}
                    </List>
                  </div>
                )}
                <div>
                  <Text size="sm" c="gray.7">
                    {CLOSING_QUESTION}
                  </Text>
                  <Text className="pre-wrap">{c.closingAnswer}</Text>
                </div>
                <Group gap="lg">
                  <DownloadLink
                    href={formUrl(detail.id, 'beratungsvorlage', c.id)}
                    label={`Beratungsvorlage (PDF) vom ${date}`}
                  >
                    Beratungsvorlage (PDF)
                  </DownloadLink>
                  <DownloadLink
                    href={formUrl(detail.id, 'beratungsprotokoll', c.id)}
                    label={`Protokoll (PDF) vom ${date}`}
                  >
                    Protokoll (PDF)
                  </DownloadLink>
                </Group>
              </Stack>
            </Card>
          );
        })}
      </Stack>
      {!readOnly && <PeerConsultationForm detail={detail} />}
    </>
  );
}
