import {
  type ProcessInstance,
  type ProcessStep,
  processRecordKinds,
  processStartInputSchema,
  processStatuses,
  processStepStates,
  processUrgencies,
  roleLabels,
} from '@leuchtturm/shared';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../app/api.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { SectionForm } from '../cases/sections/ui.tsx';
import { useChecks } from '../childProtection/queries.ts';
import { StepDetails } from './ProcessDiagram.tsx';
import { useCaseProcesses, useProcessDefinitions, useStartProcess, useUpdateProcessStep } from './queries.ts';
import { CancelProcessModal, CompleteWithUrgencyModal, SkipStepModal } from './StepDialogs.tsx';

const statusColours = { running: 'blue', done: 'green', cancelled: 'gray' } as const;
const stateColours = { offen: 'orange', erledigt: 'green', uebersprungen: 'gray' } as const;

/** The case's processes: each with its steps, their deadlines and who did what; steps are closed here by hand. */
export function CaseProcesses({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const query = useCaseProcesses(caseId);
  // A child-protection process is about one check (a report on one child): named by the child and the report.
  const checks = useChecks(caseId, {
    enabled: query.data?.some((i) => i.subject?.type === 'child_protection_check') ?? false,
  });
  const subjectLabel = (instance: ProcessInstance) => {
    const check = checks.data?.find((c) => c.id === instance.subject?.id);
    return check ? `${check.child.name}, Meldung vom ${formatDateTimeDe(check.receivedAt)}` : null;
  };
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} title="Prozesse konnten nicht geladen werden" />;
  const running = query.data.filter((i) => i.status === 'running');
  const ended = query.data.filter((i) => i.status !== 'running');
  return (
    <Stack gap="lg">
      {query.data.length === 0 && <Text>In diesem Fall läuft noch kein Prozess.</Text>}
      {[...running, ...ended].map((instance) => (
        <InstanceCard
          key={instance.id}
          caseId={caseId}
          instance={instance}
          subject={subjectLabel(instance)}
          readOnly={readOnly}
        />
      ))}
      {!readOnly && <StartProcessForm caseId={caseId} running={running} />}
    </Stack>
  );
}

function InstanceCard({
  caseId,
  instance,
  subject,
  readOnly,
}: {
  caseId: string;
  instance: ProcessInstance;
  /** What the instance is about, when the case runs several of its kind. */
  subject: string | null;
  readOnly: boolean;
}) {
  const name = subject ? `${instance.definition.name}: ${subject}` : instance.definition.name;
  const skip = useModalState<ProcessStep>();
  const withUrgency = useModalState<ProcessStep>();
  const cancel = useModalState<ProcessInstance>();
  const update = useUpdateProcessStep(caseId);
  const editable = !readOnly && instance.status === 'running';

  function complete(step: ProcessStep) {
    if (step.setsUrgency) return withUrgency.open(step);
    update.mutate(
      { stepId: step.id, state: 'erledigt', version: step.version },
      {
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Nicht gespeichert', message: errorMessage(error) }),
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h4">
              {name}
            </Title>
            <Badge variant="light" color={statusColours[instance.status]}>
              {processStatuses.labels[instance.status]}
            </Badge>
            {instance.urgency && (
              <Badge variant="light" color="red">
                Dringlichkeit: {processUrgencies.labels[instance.urgency]}
              </Badge>
            )}
          </Group>
          {editable && (
            <Button size="xs" variant="default" onClick={() => cancel.open(instance)}>
              Prozess abbrechen
            </Button>
          )}
        </Group>
        <Text size="sm" c="gray.8">
          Version {instance.definition.version}, gestartet {formatDateTimeDe(instance.startedAt)}
          {instance.startedBy ? ` von ${instance.startedBy.name}` : ''}
          {instance.endedAt ? `, beendet ${formatDateTimeDe(instance.endedAt)}` : ''}
          {instance.cancelReason ? ` (${instance.cancelReason})` : ''}
        </Text>
        <DataTable
          caption={`Schritte: ${name}`}
          headers={['Schritt', 'Zuständig', 'Frist', 'Stand', ...(editable ? ['Aktionen'] : [])]}
          minWidth={860}
        >
          {instance.steps.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text fw={600} size="sm">
                    {step.title}
                    {step.occurrence > 1 ? ` (${step.occurrence}. Mal)` : ''}
                  </Text>
                  <StepDetails step={step} />
                </Stack>
              </Table.Td>
              <Table.Td>{roleLabels[step.role]}</Table.Td>
              <Table.Td>
                <Deadline step={step} />
              </Table.Td>
              <Table.Td>
                <StepState step={step} />
              </Table.Td>
              {editable && (
                <Table.Td>
                  {step.state === 'offen' && (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        onClick={() => complete(step)}
                        loading={update.isPending && update.variables?.stepId === step.id}
                        aria-label={`Erledigt: ${step.title}`}
                      >
                        Erledigt
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => skip.open(step)}
                        aria-label={`Überspringen: ${step.title}`}
                      >
                        Überspringen
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
      {skip.value && (
        <SkipStepModal
          key={skip.key}
          caseId={caseId}
          step={skip.value}
          opened={skip.opened}
          onClose={skip.close}
        />
      )}
      {withUrgency.value && (
        <CompleteWithUrgencyModal
          key={withUrgency.key}
          caseId={caseId}
          step={withUrgency.value}
          opened={withUrgency.opened}
          onClose={withUrgency.close}
        />
      )}
      {cancel.value && (
        <CancelProcessModal
          key={cancel.key}
          caseId={caseId}
          instance={cancel.value}
          opened={cancel.opened}
          onClose={cancel.close}
        />
      )}
    </Paper>
  );
}

function Deadline({ step }: { step: ProcessStep }) {
  if (step.dueAt)
    return (
      <Stack gap={4} align="flex-start">
        <Text size="sm">bis {formatDateTimeDe(step.dueAt)}</Text>
        {step.overdue && (
          <Badge color="red" variant="light">
            überfällig
          </Badge>
        )}
      </Stack>
    );
  if (step.state === 'offen' && step.waitsFor) return <Text size="sm">beginnt mit „{step.waitsFor}“</Text>;
  return <Text size="sm">{step.state === 'offen' ? 'ohne Frist' : '–'}</Text>;
}

function StepState({ step }: { step: ProcessStep }) {
  return (
    <Stack gap={4} align="flex-start">
      <Badge variant="light" color={stateColours[step.state]}>
        {processStepStates.labels[step.state]}
      </Badge>
      {step.doneAt && (
        <Text size="sm">
          {formatDateTimeDe(step.doneAt)}
          {step.doneBy ? `, ${step.doneBy.name}` : ''}
        </Text>
      )}
      {step.completedByRecord && (
        <Text size="sm">durch: {processRecordKinds.labels[step.completedByRecord.type]}</Text>
      )}
      {step.state === 'offen' && step.completedBy && (
        <Text size="sm" c="gray.8">
          automatisch, sobald: {processRecordKinds.labels[step.completedBy]}
        </Text>
      )}
      {step.skipReason && (
        <Text size="sm" className="pre-wrap">
          Begründung: {step.skipReason}
        </Text>
      )}
    </Stack>
  );
}

/** "Prozess starten": the definitions not running in the case yet. */
function StartProcessForm({ caseId, running }: { caseId: string; running: ProcessInstance[] }) {
  const definitions = useProcessDefinitions();
  const start = useStartProcess(caseId);
  const form = useFormState({ definitionKey: null as string | null, urgency: null as string | null });
  const choices = (definitions.data ?? []).filter(
    (d) => d.latest && !running.some((i) => i.definition.key === d.key),
  );
  const chosen = choices.find((d) => d.key === form.values.definitionKey);
  const asksUrgency = chosen?.steps.some((s) => s.deadline?.byUrgency) ?? false;

  function submit() {
    const input = form.validate(processStartInputSchema, {
      definitionKey: form.values.definitionKey,
      urgency: asksUrgency ? form.values.urgency : null,
    });
    if (!input) return;
    start.mutate(input, {
      onSuccess: () => form.reset({ definitionKey: null, urgency: null }),
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <SectionForm
      title="Prozess starten"
      intro={
        <Text size="sm">
          Die Beratung beginnt mit dem Falleingang von selbst; Hilfe zur Erziehung und Kinderschutz starten
          hier.
        </Text>
      }
      onSubmit={submit}
      submitting={start.isPending}
      submitLabel="Prozess starten"
      formError={form.formError}
      formRef={form.formRef}
    >
      {definitions.isError && (
        <ErrorAlert error={definitions.error} title="Prozesse konnten nicht geladen werden" />
      )}
      <Select
        label="Prozess"
        required
        w={360}
        data={choices.map((d) => ({ value: d.key, label: d.name }))}
        value={form.values.definitionKey}
        onChange={(value) => form.set('definitionKey', value)}
        error={form.errors.definitionKey}
        nothingFoundMessage="Alle Prozesse laufen bereits."
        allowDeselect={false}
      />
      {asksUrgency && (
        <Select
          label="Dringlichkeit (falls schon bekannt)"
          description="Sonst legt die Ersteinschätzung sie fest."
          w={360}
          data={processUrgencies.values.map((u) => ({ value: u, label: processUrgencies.labels[u] }))}
          value={form.values.urgency}
          onChange={(value) => form.set('urgency', value)}
          error={form.errors.urgency}
          clearable
        />
      )}
    </SectionForm>
  );
}
