import {
  type CaseDetail,
  type CpMeasure,
  caseAreas,
  cpChannels,
  cpDangerSources,
  cpEndangermentTypes,
  cpParentAgeGroups,
  cpReporterKinds,
  cpResidences,
  cpResults,
  cpServiceKinds,
  cpSteps,
  cpUrgencies,
  cpVisitKinds,
  cpVisitStatuses,
  cpYesNoUnknown,
  formatDateDe,
} from '@leuchtturm/shared';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { useModalState } from '../../app/components/useModalState.ts';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { InfoList } from '../cases/sections/ui.tsx';
import { CheckConfided } from './CheckConfided.tsx';
import { CheckForms } from './CheckForms.tsx';
import type { StepFormProps } from './CheckStepModal.tsx';
import { MeasureEntry } from './MeasureEntry.tsx';
import { MeasureForm } from './MeasureForm.tsx';
import { useCheck } from './queries.ts';
import { ResultForm } from './ResultForm.tsx';
import { AssessmentForm, UrgencyForm, VisitForm } from './StepForms.tsx';
import { VisitChecklist } from './VisitChecklist.tsx';

const at = (instant: string | null) => (instant ? formatDateTimeDe(instant) : null);
const list = <V extends string>(labels: Record<V, string>, values: readonly V[]) =>
  values.length === 0 ? null : values.map((v) => labels[v]).join(', ');

type Step = 'urgency' | 'assessment' | 'visit' | 'result';
const stepForms: Record<Step, ComponentType<StepFormProps>> = {
  urgency: UrgencyForm,
  assessment: AssessmentForm,
  visit: VisitForm,
  result: ResultForm,
};

/** One § 8a check: the report, each step with its record or the button to record it, and the consequences. */
export function CheckDetail({
  detail,
  checkId,
  readOnly,
}: {
  detail: CaseDetail;
  checkId: string;
  readOnly: boolean;
}) {
  const query = useCheck(detail.id, checkId);
  const stepModal = useModalState<Step>();
  const measureModal = useModalState<CpMeasure | 'new'>();
  const check = query.data;
  if (query.isPending) return <Loading />;
  if (!check) return <ErrorAlert error={query.error} title="Laden fehlgeschlagen" />;

  // § 65: who sees the placeholder records no step (it would save over the confided text; the server refuses it).
  const open = !readOnly && check.status === 'offen' && !check.confided?.withheld;
  const action = (step: Step, recorded: boolean, label: string) =>
    open ? (
      <Button size="xs" variant={recorded ? 'default' : 'filled'} onClick={() => stepModal.open(step)}>
        {recorded ? `${label} ändern` : `${label} erfassen`}
      </Button>
    ) : null;
  const StepForm = stepModal.value ? stepForms[stepModal.value] : null;
  const o = check.outcome;

  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Gefährdungseinschätzung für {check.child.name} (Meldung vom {at(check.receivedAt)})
      </Title>
      <Group gap="sm">
        <Badge variant="light" color={check.status === 'offen' ? 'blue' : 'gray'}>
          {check.status === 'offen' ? 'offen' : `abgeschlossen am ${at(check.closedAt)}`}
        </Badge>
        {check.nextStep && <Badge variant="light">Nächster Schritt: {cpSteps.labels[check.nextStep]}</Badge>}
        {check.overdue && (
          <Badge color="red" variant="filled">
            Einschätzung überfällig
          </Badge>
        )}
      </Group>
      <CheckConfided detail={detail} check={check} readOnly={readOnly} />
      <CheckForms caseId={detail.id} check={check} />
      <StepCard title="Meldung" recorded>
        <InfoList
          items={[
            ['Eingang', at(check.receivedAt)],
            ['Gemeldet durch', cpReporterKinds.labels[check.reporterKind]],
            ['Name', check.reporterName],
            ['Weg', cpChannels.labels[check.channel]],
            ['Aufgenommen von', check.takenBy.name],
          ]}
        />
        <Text size="sm" className="pre-wrap">
          {check.reportText}
        </Text>
      </StepCard>
      <StepCard
        title="Ersteinschätzung"
        recorded={check.urgency !== null}
        action={action('urgency', check.urgency !== null, 'Ersteinschätzung')}
      >
        {check.urgency && (
          <InfoList
            items={[
              ['Dringlichkeit', cpUrgencies.labels[check.urgency]],
              ['Frist der Einschätzung', at(check.assessmentDueAt)],
              [
                'Entschieden',
                `${at(check.urgencyDecidedAt)}, ${check.urgencyDecidedBy?.name ?? 'unbekannt'}`,
              ],
              ['Begründung', check.urgencyReason],
            ]}
          />
        )}
      </StepCard>
      <StepCard
        title="Gefährdungseinschätzung"
        recorded={check.assessment !== null}
        action={
          check.urgency ? action('assessment', check.assessment !== null, 'Gefährdungseinschätzung') : null
        }
      >
        {check.assessment && (
          <>
            <InfoList
              items={[
                ['Durchgeführt', at(check.assessment.heldAt)],
                ['Fachkräfte', check.assessment.participants.map((p) => p.name).join(', ')],
              ]}
            />
            <Labelled label="Sachverhalt">{check.assessment.facts}</Labelled>
            <Labelled label="Risikofaktoren">{check.assessment.riskFactors}</Labelled>
            <Labelled label="Schutzfaktoren">{check.assessment.protectiveFactors}</Labelled>
          </>
        )}
      </StepCard>
      <StepCard
        title="Inaugenscheinnahme"
        recorded={check.visit !== null}
        action={check.urgency ? action('visit', check.visit !== null, 'Inaugenscheinnahme') : null}
      >
        {check.visit && (
          <InfoList
            items={[
              ['Stand', cpVisitStatuses.labels[check.visit.status]],
              ...(check.visit.status === 'durchgefuehrt'
                ? ([
                    ['Wann', at(check.visit.at)],
                    ['Wie', check.visit.kind ? cpVisitKinds.labels[check.visit.kind] : null],
                    ['Kind gesehen', check.visit.childSeen ? 'ja' : 'nein'],
                    ['Eindruck', check.visit.findings],
                  ] as const)
                : ([['Begründung', check.visit.reason]] as const)),
            ]}
          />
        )}
        <VisitChecklist caseId={detail.id} check={check} editable={open} />
      </StepCard>
      <StepCard
        title="Ergebnis"
        recorded={o !== null}
        action={check.assessment && check.visit ? action('result', o !== null, 'Ergebnis') : null}
      >
        {o && (
          <InfoList
            items={[
              ['Ergebnis', cpResults.labels[o.result]],
              ['Abgeschlossen am', formatDateDe(o.completedOn)],
              ['Art der Gefährdung', list(cpEndangermentTypes.labels, o.endangermentTypes)],
              ['Gefährdung geht aus von', list(cpDangerSources.labels, o.dangerSources)],
              ['Falleinordnung', o.classification ? caseAreas.labels[o.classification.area] : null],
              ['Aufenthalt des Kindes', cpResidences.labels[o.residence]],
              [
                'Alter der Eltern',
                `Mutter: ${cpParentAgeGroups.labels[o.motherAgeGroup]}, Vater: ${cpParentAgeGroups.labels[o.fatherAgeGroup]}`,
              ],
              ['Ausländische Herkunft eines Elternteils', cpYesNoUnknown.labels[o.parentForeignOrigin]],
              ['Vorrangig Deutsch gesprochen', cpYesNoUnknown.labels[o.germanAtHome]],
              [
                'Leistungen in Anspruch genommen',
                o.servicesInUse ? list(cpServiceKinds.labels, o.serviceKinds) : 'nein',
              ],
              ['Anmerkung', o.note],
            ]}
          />
        )}
      </StepCard>
      <StepCard
        title="Konsequenzen"
        recorded={check.measures.length > 0}
        action={
          // A new consequence writes none of the check's texts: allowed on a confided check too.
          !readOnly && check.status === 'offen' && o ? (
            <Button size="xs" onClick={() => measureModal.open('new')}>
              Konsequenz erfassen
            </Button>
          ) : null
        }
      >
        {check.measures.map((m) => (
          <MeasureEntry
            key={m.id}
            detail={detail}
            measure={m}
            onChange={!readOnly && m.kind !== 'abschluss' ? () => measureModal.open(m) : null}
            readOnly={readOnly}
          />
        ))}
      </StepCard>
      {StepForm && (
        <StepForm
          key={stepModal.key}
          caseId={detail.id}
          check={check}
          opened={stepModal.opened}
          onClose={stepModal.close}
        />
      )}
      {measureModal.value && (
        <MeasureForm
          key={measureModal.key}
          caseId={detail.id}
          check={check}
          measure={measureModal.value === 'new' ? null : measureModal.value}
          mandates={detail.mandates}
          opened={measureModal.opened}
          onClose={measureModal.close}
        />
      )}
    </Stack>
  );
}

function StepCard({
  title,
  recorded,
  action,
  children,
}: {
  title: string;
  recorded: boolean;
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4} size="h5">
            {title}
          </Title>
          <Group gap="sm">
            <Badge variant="light" color={recorded ? 'green' : 'gray'}>
              {recorded ? 'erfasst' : 'noch nicht erfasst'}
            </Badge>
            {action}
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="pre-wrap">
        {children}
      </Text>
    </div>
  );
}
