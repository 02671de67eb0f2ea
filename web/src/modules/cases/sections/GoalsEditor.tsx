import { type CaseDetail, resourceAreas } from '@leuchtturm/shared';
import {
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { FieldErrors } from '../../../app/form.ts';
import { FieldHint } from '../../help/FieldHint.tsx';
import { DateField } from './ui.tsx';

/** One Handlungsschritt while editing; `key` only tells React the rows apart. */
export interface StepDraft {
  key: string;
  who: string;
  what: string;
  dueOn: string;
  resourceId: string | null;
}
export interface GoalDraft {
  key: string;
  /** The existing Handlungsziel's id (resources and help plans point at it); null for a new one. */
  id: string | null;
  text: string;
  dueOn: string;
  steps: StepDraft[];
}

// Row keys count on from the time of loading: a restored draft brings keys of an earlier page load.
let nextKey = Date.now();
const newKey = () => `neu-${++nextKey}`;
const NO_RESOURCE = 'keine';
const MAX_GOALS = 10;
const MAX_STEPS = 20;

export function goalDrafts(goals: CaseDetail['willAndGoals']['actionGoals']): GoalDraft[] {
  return goals.map((g) => ({
    key: g.id,
    id: g.id,
    text: g.text,
    dueOn: g.dueOn,
    steps: g.steps.map((s) => ({
      key: s.id,
      who: s.who,
      what: s.what,
      dueOn: s.dueOn,
      resourceId: s.resourceId,
    })),
  }));
}

/** The drafts as the API takes them: existing goals keep their id. */
export function goalInputs(goals: GoalDraft[]) {
  return goals.map(({ key: _goalKey, steps, ...goal }) => ({
    ...goal,
    steps: steps.map(({ key: _stepKey, ...step }) => step),
  }));
}

/** The list of Handlungsziele, each with its Handlungsschritte; add and remove with the keyboard. */
export function GoalsEditor({
  goals,
  onChange,
  errors,
  resources,
}: {
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  errors: Readonly<FieldErrors>;
  resources: CaseDetail['resources'];
}) {
  const resourceOptions = [
    { value: NO_RESOURCE, label: 'Keine Ressource' },
    ...resources.map((r) => ({ value: r.id, label: `${resourceAreas.labels[r.area]}: ${r.description}` })),
  ];
  const update = (index: number, goal: GoalDraft) => onChange(goals.map((g, i) => (i === index ? goal : g)));
  const added = useRef<string | null>(null);

  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        Handlungsziele
      </Title>
      {goals.length === 0 && <Text size="sm">Noch keine Handlungsziele.</Text>}
      {goals.map((goal, i) => {
        const at = (field: string) => errors[`actionGoals.${i}.${field}`];
        const name = `Handlungsziel ${i + 1}`;
        return (
          <Fieldset key={goal.key} legend={name} variant="filled">
            <Stack gap="sm">
              <GoalText
                focus={added.current === goal.key}
                value={goal.text}
                onChange={(text) => update(i, { ...goal, text })}
                error={at('text')}
              />
              <DateField
                label="Erreicht bis"
                required
                w={200}
                value={goal.dueOn}
                onChange={(e) => update(i, { ...goal, dueOn: e.currentTarget.value })}
                error={at('dueOn')}
              />
              {goal.steps.map((step, j) => {
                const stepAt = (field: string) => at(`steps.${j}.${field}`);
                const setStep = (changed: Partial<StepDraft>) =>
                  update(i, {
                    ...goal,
                    steps: goal.steps.map((s, k) => (k === j ? { ...s, ...changed } : s)),
                  });
                return (
                  <Fieldset key={step.key} legend={`Handlungsschritt ${j + 1}`}>
                    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                      <TextInput
                        label="Wer"
                        required
                        value={step.who}
                        onChange={(e) => setStep({ who: e.currentTarget.value })}
                        error={stepAt('who')}
                      />
                      <DateField
                        label="Bis wann"
                        required
                        value={step.dueOn}
                        onChange={(e) => setStep({ dueOn: e.currentTarget.value })}
                        error={stepAt('dueOn')}
                      />
                    </SimpleGrid>
                    <Textarea
                      mt="sm"
                      label="Was"
                      required
                      autosize
                      minRows={1}
                      value={step.what}
                      onChange={(e) => setStep({ what: e.currentTarget.value })}
                      error={stepAt('what')}
                    />
                    <Select
                      mt="sm"
                      label="Ressource"
                      description="Welche Ressource der Ressourcenkarte nutzt der Schritt? (optional)"
                      data={resourceOptions}
                      value={step.resourceId ?? NO_RESOURCE}
                      onChange={(value) => setStep({ resourceId: value === NO_RESOURCE ? null : value })}
                      error={stepAt('resourceId')}
                      allowDeselect={false}
                    />
                    <Group mt="sm">
                      <Button
                        size="xs"
                        variant="outline"
                        color="red.9"
                        aria-label={`Schritt entfernen (Handlungsschritt ${j + 1} von ${name})`}
                        onClick={() => update(i, { ...goal, steps: goal.steps.filter((_, k) => k !== j) })}
                      >
                        Schritt entfernen
                      </Button>
                    </Group>
                  </Fieldset>
                );
              })}
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  disabled={goal.steps.length >= MAX_STEPS}
                  aria-label={`Handlungsschritt hinzufügen (${name})`}
                  onClick={() =>
                    update(i, {
                      ...goal,
                      steps: [
                        ...goal.steps,
                        { key: newKey(), who: '', what: '', dueOn: '', resourceId: null },
                      ],
                    })
                  }
                >
                  Handlungsschritt hinzufügen
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`Handlungsziel entfernen (${name})`}
                  onClick={() => onChange(goals.filter((_, k) => k !== i))}
                >
                  Handlungsziel entfernen
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          disabled={goals.length >= MAX_GOALS}
          onClick={() => {
            const key = newKey();
            added.current = key;
            onChange([...goals, { key, id: null, text: '', dueOn: '', steps: [] }]);
          }}
        >
          Handlungsziel hinzufügen
        </Button>
        {goals.length >= MAX_GOALS && <Text size="sm">Höchstens {MAX_GOALS} Handlungsziele.</Text>}
      </Group>
    </Stack>
  );
}

/** The goal's text; a goal just added receives the focus so keyboard users can type straight away. */
function GoalText({
  focus,
  value,
  onChange,
  error,
}: {
  focus: boolean;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the field appears
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <Textarea
      ref={ref}
      label="Ziel (beobachtbar)"
      description={<FieldHint hint="handlungsziel" />}
      required
      autosize
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
