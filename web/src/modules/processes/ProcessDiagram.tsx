import './processes.css';
import {
  describeDeadline,
  formatDeadlinePeriod,
  type ProcessStepDefinition,
  processRecordKinds,
  processUrgencies,
  roleLabels,
} from '@leuchtturm/shared';
import { Badge, Group, Stack, Text } from '@mantine/core';

/**
 * A definition as a diagram: an ordered list of its steps joined by arrows (drawn, hidden from screen readers; the
 * list itself is the text alternative), each with who is responsible, the deadline, what completes it, and its
 * checklist and documents.
 */
export function ProcessDiagram({ name, steps }: { name: string; steps: readonly ProcessStepDefinition[] }) {
  return (
    <ol className="process-diagram" aria-label={`Ablauf: ${name}, ${steps.length} Schritte`}>
      {steps.map((step, index) => (
        <li key={step.key}>
          <StepCard step={step} number={index + 1} steps={steps} />
          {index < steps.length - 1 && (
            <span className="process-arrow" aria-hidden="true">
              ↓
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

function StepCard({
  step,
  number,
  steps,
}: {
  step: ProcessStepDefinition;
  number: number;
  steps: readonly ProcessStepDefinition[];
}) {
  const urgent = Object.entries(step.deadline?.byUrgency ?? {});
  return (
    <div className={step.repeatEvery ? 'process-step process-step--repeats' : 'process-step'}>
      <Stack gap={4}>
        <Text fw={600}>
          <span className="process-step__number">{number}.</span>
          {step.title}
        </Text>
        <Text size="sm">
          Zuständig: {roleLabels[step.role]} · Frist: {describeDeadline(step.deadline, steps)}
        </Text>
        {urgent.length > 0 && (
          <Text size="sm">
            Nach Dringlichkeit:{' '}
            {urgent
              .map(([urgency, period]) =>
                period
                  ? `${processUrgencies.labels[urgency as keyof typeof processUrgencies.labels]}: ${formatDeadlinePeriod(period)}`
                  : '',
              )
              .join('; ')}
          </Text>
        )}
        <Group gap="xs">
          {step.completedBy && (
            <Badge variant="light" color="blue" tt="none">
              Automatisch erledigt: {processRecordKinds.labels[step.completedBy]}
            </Badge>
          )}
          {step.repeatEvery && (
            <Badge variant="light" color="teal" tt="none">
              Wiederholt alle {formatDeadlinePeriod(step.repeatEvery)}
            </Badge>
          )}
          {step.setsUrgency && (
            <Badge variant="light" color="orange" tt="none">
              Legt die Dringlichkeit fest
            </Badge>
          )}
        </Group>
        <StepDetails step={step} />
      </Stack>
    </div>
  );
}

/** Checklist and documents of a step, folded away. */
export function StepDetails({ step }: { step: Pick<ProcessStepDefinition, 'checklist' | 'documents'> }) {
  if (step.checklist.length === 0 && step.documents.length === 0) return null;
  return (
    <details className="process-details">
      <summary>
        {[
          step.checklist.length > 0 ? `Checkliste (${step.checklist.length})` : null,
          step.documents.length > 0 ? `Dokumente (${step.documents.length})` : null,
        ]
          .filter(Boolean)
          .join(' und ')}
      </summary>
      {step.checklist.length > 0 && (
        <ul aria-label="Checkliste">
          {step.checklist.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {step.documents.length > 0 && (
        <ul aria-label="Dokumente">
          {step.documents.map((doc) => (
            <li key={doc}>Dokument: {doc}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
