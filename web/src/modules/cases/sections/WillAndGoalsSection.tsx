import { type CaseDetail, formatDateDe, willAndGoalsInputSchema } from '@leuchtturm/shared';
import { Alert, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ConflictCompare } from '../../../app/components/ConflictCompare.tsx';
import { useFormState } from '../../../app/form.ts';
import { FieldHint } from '../../help/FieldHint.tsx';
import { fetchCurrentCase, useSaveWillAndGoals } from '../caseQueries.ts';
import { ConfidedSheetHead, useSheetSave } from './ConfidedSheet.tsx';
import { GoalMarks } from './GoalMarks.tsx';
import { type GoalDraft, GoalsEditor, goalDrafts, goalInputs } from './GoalsEditor.tsx';
import { InfoList, SectionForm, type SectionProps } from './ui.tsx';

/** Wille und Ziele: the family's will in their own words, the Richtungsziel and observable Handlungsziele. */
export function WillAndGoalsSection({ detail, readOnly }: SectionProps) {
  const mark = detail.willAndGoals.confided;
  // A save rewrites every goal: a withheld one makes the whole sheet read-only (the server refuses it too).
  const goalWithheld = detail.willAndGoals.actionGoals.some((g) => g.confided?.withheld);
  return (
    <>
      <GoalsHelp />
      <ConfidedSheetHead
        detail={detail}
        itemType="will_and_goals"
        mark={mark}
        what="Wille und Ziele"
        readOnly={readOnly}
        withheldTitle="Nur lesbar: Wille und Ziele sind anvertraut"
        withheldText={(confidedTo) => (
          <>
            Wille und Richtungsziel wurden {confidedTo} anvertraut (§ 65 SGB VIII). Ändern kann sie nur, wer
            sie sehen darf. So wird der Hinweis nie an ihrer Stelle gespeichert.
          </>
        )}
        notes={
          goalWithheld &&
          !mark?.withheld &&
          !readOnly && (
            <Alert color="grape" title="Nur lesbar: ein Handlungsziel ist anvertraut" role="note">
              Mindestens ein Handlungsziel wurde anvertraut (§ 65 SGB VIII). Wille und Ziele ändern kann nur,
              wer alle Handlungsziele sehen darf.
            </Alert>
          )
        }
      />
      {readOnly || mark?.withheld || goalWithheld ? (
        <WillAndGoalsView detail={detail} />
      ) : (
        // A new version (after saving or "Neu laden") starts the form again from the server's state.
        <WillAndGoalsForm key={detail.willAndGoals.version} detail={detail} />
      )}
      <GoalMarks detail={detail} readOnly={readOnly} />
    </>
  );
}

function GoalsHelp() {
  return (
    <Alert color="blue" title="Ziele sind Zustände, keine Maßnahmen" role="note">
      <List size="sm" spacing="xs">
        <List.Item>
          Der <strong>Wille</strong> der Familie ist die wichtigste Ressource: halten Sie ihn in ihren eigenen
          Worten fest.
        </List.Item>
        <List.Item>
          Das <strong>Richtungsziel</strong> ist ein positiver zukünftiger Zustand, den die Familie und das
          Jugendamt gemeinsam vereinbaren, z. B. „Muharem kann auf seiner Schule bleiben.“
        </List.Item>
        <List.Item>
          <strong>Handlungsziele</strong> sind beobachtbar und haben ein Datum, z. B. „Die Hausaufgaben sind
          täglich bis 18 Uhr erledigt.“
        </List.Item>
        <List.Item>
          Eine Maßnahme wie „SpFH 5 Std./Woche“ ist ein Weg, niemals ein Ziel. Wege gehören in die
          Handlungsschritte.
        </List.Item>
      </List>
    </Alert>
  );
}

function WillAndGoalsForm({ detail }: { detail: CaseDetail }) {
  const current = detail.willAndGoals;
  const form = useFormState(
    {
      will: current.will,
      directionGoal: current.directionGoal,
      actionGoals: goalDrafts(current.actionGoals),
    },
    { draft: `wille-ziele:${detail.id}` },
  );
  /** The version saved meanwhile, after a version conflict: compared with the user's text. */
  const [theirs, setTheirs] = useState<CaseDetail['willAndGoals'] | null>(null);
  const { save, saving, reload, onReload } = useSheetSave(
    detail.id,
    form,
    useSaveWillAndGoals(detail.id),
    () =>
      fetchCurrentCase(detail.id).then(
        (fresh) => setTheirs(fresh.willAndGoals),
        () => undefined,
      ),
  );

  function send(version: number) {
    const input = form.validate(willAndGoalsInputSchema, {
      will: form.values.will,
      directionGoal: form.values.directionGoal,
      actionGoals: goalInputs(form.values.actionGoals),
      version,
    });
    if (input) save(input);
  }

  const mine = form.values;
  return (
    <SectionForm
      title="Wille und Ziele"
      order={2}
      intro={
        current.version === 0 ? (
          <Text size="sm">Für diesen Fall sind Wille und Ziele noch nicht erfasst.</Text>
        ) : undefined
      }
      onSubmit={() => send(current.version)}
      submitting={saving}
      submitLabel="Wille und Ziele speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
      onReload={onReload}
    >
      <Textarea
        label="Wille"
        description={<FieldHint hint="wille" />}
        required
        autosize
        minRows={3}
        value={form.values.will}
        onChange={(e) => form.set('will', e.currentTarget.value)}
        error={form.errors.will}
      />
      <Textarea
        label="Richtungsziel"
        description={<FieldHint hint="richtungsziel" />}
        required
        autosize
        minRows={2}
        value={form.values.directionGoal}
        onChange={(e) => form.set('directionGoal', e.currentTarget.value)}
        error={form.errors.directionGoal}
      />
      <GoalsEditor
        goals={form.values.actionGoals}
        onChange={(goals: GoalDraft[]) => form.set('actionGoals', goals)}
        errors={form.errors}
        resources={detail.resources}
      />
      <ConflictCompare
        opened={theirs !== null}
        fields={
          theirs
            ? [
                { label: 'Wille', mine: mine.will, theirs: theirs.will },
                { label: 'Richtungsziel', mine: mine.directionGoal, theirs: theirs.directionGoal },
                {
                  label: 'Handlungsziele',
                  mine: goalsAsText(goalInputs(mine.actionGoals)),
                  theirs: goalsAsText(theirs.actionGoals),
                },
              ]
            : []
        }
        onTakeMine={() => {
          if (!theirs) return;
          const version = theirs.version;
          setTheirs(null);
          send(version);
        }}
        onTakeTheirs={() => {
          setTheirs(null);
          form.draft.discard();
          void reload();
        }}
        onClose={() => setTheirs(null)}
        saving={saving}
      />
    </SectionForm>
  );
}

/** The Handlungsziele with their steps as lines, to compare two versions. */
function goalsAsText(
  goals: readonly {
    text: string;
    dueOn: string;
    steps: readonly { who: string; what: string; dueOn: string }[];
  }[],
) {
  return goals
    .map((g, i) =>
      [
        `${i + 1}. ${g.text} (bis ${formatDateDe(g.dueOn)})`,
        ...g.steps.map((st) => `   – ${st.who}: ${st.what}, bis ${formatDateDe(st.dueOn)}`),
      ].join('\n'),
    )
    .join('\n');
}

function WillAndGoalsView({ detail }: { detail: CaseDetail }) {
  const { will, directionGoal, actionGoals } = detail.willAndGoals;
  const resource = (id: string | null) => detail.resources.find((r) => r.id === id)?.description;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Wille und Ziele
      </Title>
      <InfoList
        items={[
          ['Wille', will],
          ['Richtungsziel', directionGoal],
        ]}
      />
      {actionGoals.length === 0 ? (
        <Text>Keine Handlungsziele erfasst.</Text>
      ) : (
        <List type="ordered" spacing="sm">
          {actionGoals.map((g) => (
            <List.Item key={g.id}>
              <Text fw={600}>
                {g.text} (bis {formatDateDe(g.dueOn)})
              </Text>
              {g.steps.length > 0 && (
                <List withPadding size="sm">
                  {g.steps.map((s) => (
                    <List.Item key={s.id}>
                      {s.who}: {s.what}, bis {formatDateDe(s.dueOn)}
                      {s.resourceId && ` (Ressource: ${resource(s.resourceId) ?? 'entfernt'})`}
                    </List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
