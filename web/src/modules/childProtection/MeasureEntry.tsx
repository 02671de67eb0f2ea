import {
  type CaseDetail,
  type CpMeasure,
  cpCareEndReasons,
  cpMeasureKinds,
  cpServiceKinds,
  formatDateDe,
} from '@leuchtturm/shared';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { InfoList } from '../cases/sections/ui.tsx';
import { ConfidedControls } from '../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../dataProtection/ConfidedNotice.tsx';

const at = (instant: string | null) => (instant ? formatDateTimeDe(instant) : null);

/**
 * One consequence of a § 8a check. Under § 65 its texts can be confided: the marking in words, the controls for its
 * author, and no "Ändern" for whoever sees the placeholder (the server refuses it too).
 */
export function MeasureEntry({
  detail,
  measure: m,
  onChange,
  readOnly,
}: {
  detail: CaseDetail;
  measure: CpMeasure;
  onChange: (() => void) | null;
  readOnly: boolean;
}) {
  const running = m.kind === 'inobhutnahme' && m.endAt === null;
  const change = m.confided?.withheld ? null : onChange;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {cpMeasureKinds.labels[m.kind]} · {formatDateDe(m.decidedOn)}
          </Text>
          <Group gap="xs">
            {running && (
              <Badge color="orange" variant="light">
                läuft
              </Badge>
            )}
            {m.confided && <ConfidedBadge withheld={m.confided.withheld} />}
            {change && (
              <Button size="xs" variant="default" onClick={change}>
                {running ? 'Ende erfassen' : 'Ändern'}
              </Button>
            )}
          </Group>
        </Group>
        <InfoList
          items={[
            ...(m.kind === 'schutzplan'
              ? ([
                  ['Überprüfungen', m.reviewDates.map(formatDateDe).join(', ')],
                  ['Aufträge/Auflagen', m.mandates.map((x) => x.text).join('; ') || null],
                ] as const)
              : []),
            ...(m.kind === 'hilfeangebot' && m.offerKind
              ? ([['Hilfe', cpServiceKinds.labels[m.offerKind]]] as const)
              : []),
            ...(m.kind === 'inobhutnahme'
              ? ([
                  ['Beginn', at(m.beginAt)],
                  ['Ort', m.place],
                  [
                    'Sorgeberechtigte unterrichtet',
                    [at(m.carersInformedAt), m.carersInformedHow].filter(Boolean).join(': '),
                  ],
                  [
                    'Ende',
                    m.endAt
                      ? `${at(m.endAt)} (${m.endReason ? cpCareEndReasons.labels[m.endReason] : ''})`
                      : null,
                  ],
                ] as const)
              : []),
            ['Beschreibung', m.description],
            ['Erfasst von', m.createdBy],
          ]}
        />
        <ConfidedControls
          detail={detail}
          itemType="protection_measure"
          itemId={m.id}
          mark={m.confided}
          what={`${cpMeasureKinds.labels[m.kind]} vom ${formatDateDe(m.decidedOn)}`}
          readOnly={readOnly}
          mayMark={m.mayMarkConfided}
        />
      </Stack>
    </Paper>
  );
}
