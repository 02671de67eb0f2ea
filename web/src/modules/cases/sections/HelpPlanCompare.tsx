import { attainmentScale, formatDateDe, type HelpPlan } from '@leuchtturm/shared';
import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../../app/components/DataTable.tsx';

/** The fields of a version as text, in the order of the form. */
const compared: { label: string; show: (plan: HelpPlan) => string }[] = [
  { label: 'Antrag vom', show: (p) => formatDateDe(p.applicationOn) },
  { label: 'Antragstellende', show: (p) => p.applicant },
  { label: 'Gespräch am', show: (p) => formatDateDe(p.meetingOn) },
  { label: 'Beteiligte', show: (p) => p.participants.join(', ') },
  { label: 'Kind beteiligt', show: (p) => (p.childParticipated ? 'ja' : 'nein') },
  { label: 'Vereinbarte Hilfen und Schritte', show: (p) => p.agreedMeasures },
  { label: 'Überprüfung am', show: (p) => formatDateDe(p.reviewOn) },
  { label: 'Richtungsziel', show: (p) => p.directionGoal },
  {
    label: 'Handlungsziele',
    show: (p) => p.goals.map((g) => `${g.text} (bis ${formatDateDe(g.dueOn)})`).join('\n') || '–',
  },
  {
    label: 'Zielerreichung',
    show: (p) =>
      p.attainment
        .map((a) => {
          const goal = p.goals.find((g) => g.id === a.goalId)?.text ?? 'Handlungsziel';
          return `${goal} – ${attainmentScale.labels[a.score]}${a.note ? ` (${a.note})` : ''}`;
        })
        .join('\n') || '–',
  },
];

/** "Fassungen vergleichen": two versions side by side, changed fields marked in words. */
export function HelpPlanCompare({ plans }: { plans: HelpPlan[] }) {
  const [firstId, setFirstId] = useState<string | null>(plans.at(-2)?.id ?? null);
  const [secondId, setSecondId] = useState<string | null>(plans.at(-1)?.id ?? null);
  const first = plans.find((p) => p.id === firstId);
  const second = plans.find((p) => p.id === secondId);
  const options = plans.map((p) => ({
    value: p.id,
    label: `Fassung ${p.versionNo} vom ${formatDateDe(p.meetingOn)}`,
  }));
  const rows = first && second ? compared.map((f) => ({ ...f, a: f.show(first), b: f.show(second) })) : [];
  const changed = rows.filter((r) => r.a !== r.b).length;

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          Fassungen vergleichen
        </Title>
        <Group align="flex-end">
          <Select
            label="Erste Fassung"
            data={options}
            value={firstId}
            onChange={setFirstId}
            allowDeselect={false}
            w={260}
          />
          <Select
            label="Zweite Fassung"
            data={options}
            value={secondId}
            onChange={setSecondId}
            allowDeselect={false}
            w={260}
          />
        </Group>
        {first && second && (
          <>
            <Text size="sm" role="status">
              {first.id === second.id
                ? 'Bitte zwei verschiedene Fassungen wählen.'
                : `${changed} von ${rows.length} Feldern geändert.`}
            </Text>
            <DataTable
              caption={`Fassung ${first.versionNo} und Fassung ${second.versionNo} im Vergleich`}
              headers={['Feld', `Fassung ${first.versionNo}`, `Fassung ${second.versionNo}`, 'Vergleich']}
              minWidth={720}
            >
              {rows.map((row) => {
                const differs = row.a !== row.b;
                return (
                  <Table.Tr key={row.label} className={differs ? 'compare-changed' : undefined}>
                    <Table.Th scope="row">{row.label}</Table.Th>
                    <Table.Td className="pre-wrap">{row.a}</Table.Td>
                    <Table.Td className="pre-wrap">{row.b}</Table.Td>
                    <Table.Td>
                      {differs ? (
                        <Text size="sm" fw={700}>
                          geändert
                        </Text>
                      ) : (
                        <Text size="sm">gleich</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          </>
        )}
      </Stack>
    </Paper>
  );
}
