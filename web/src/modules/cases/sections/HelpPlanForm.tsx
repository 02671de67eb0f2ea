import {
  addMonths,
  attainmentScale,
  type CaseDetail,
  formatDateDe,
  type HelpPlan,
  helpPlanInputSchema,
  todayIso,
} from '@leuchtturm/shared';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isVersionConflict } from '../../../app/api.ts';
import { ConflictCompare } from '../../../app/components/ConflictCompare.tsx';
import { useFormState } from '../../../app/form.ts';
import { FieldHint } from '../../help/FieldHint.tsx';
import { fetchCurrentCase, useAddHelpPlan, useReloadCase } from '../caseQueries.ts';
import { DateField, emptyToNull, SectionForm } from './ui.tsx';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

// Row keys count on from the time of loading: a restored draft brings keys of an earlier page load.
let nextKey = Date.now();
const participantDrafts = (names: string[]) => names.map((name) => ({ key: ++nextKey, name }));

/** The first Hilfeplan or its continuation (Fortschreibung), which also rates the goals' attainment. */
export function HelpPlanForm({ detail, latest }: { detail: CaseDetail; latest: HelpPlan | null }) {
  const goals = detail.willAndGoals.actionGoals;
  const today = todayIso();
  const form = useFormState(
    {
      applicationOn: latest?.applicationOn ?? today,
      applicant: latest?.applicant ?? '',
      meetingOn: today,
      participants: participantDrafts(latest?.participants ?? ['']),
      childParticipated: latest?.childParticipated ?? false,
      agreedMeasures: latest?.agreedMeasures ?? '',
      reviewOn: addMonths(today, 6),
      attainment: Object.fromEntries(goals.map((g) => [g.id, { score: null as string | null, note: '' }])),
    },
    { draft: `hilfeplan:${detail.id}:${latest?.id ?? 'erste'}` },
  );
  const [conflict, setConflict] = useState(false);
  const reload = useReloadCase(detail.id);
  const save = useAddHelpPlan(detail.id);
  const { meetingOn, reviewOn, participants } = form.values;
  const latestReview = isDate(meetingOn) ? addMonths(meetingOn, 6) : null;
  const tooLate = latestReview !== null && isDate(reviewOn) && reviewOn > latestReview;

  function setMeeting(value: string) {
    // The review date follows the meeting as long as it is the suggested one (six months later).
    const suggested = isDate(meetingOn) ? addMonths(meetingOn, 6) : '';
    form.set('meetingOn', value);
    if (isDate(value) && (reviewOn === '' || reviewOn === suggested))
      form.set('reviewOn', addMonths(value, 6));
  }

  /** The version saved meanwhile by someone else (after a version conflict), compared with the user's text. */
  const [theirs, setTheirs] = useState<HelpPlan | null>(null);

  /** Saves as the continuation of `supersedes` (the latest version, or the one saved meanwhile). */
  function send(supersedes: HelpPlan | null) {
    const input = form.validate(helpPlanInputSchema, {
      ...form.values,
      participants: participants.map((p) => p.name),
      attainment: latest
        ? goals.flatMap((g) => {
            const rating = form.values.attainment[g.id];
            return rating?.score
              ? [{ goalId: g.id, score: rating.score, note: emptyToNull(rating.note) }]
              : [];
          })
        : [],
      supersedesId: supersedes?.id ?? null,
    });
    if (!input) return;
    setConflict(false);
    form.send(
      save.mutateAsync(input, {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            title: 'Gespeichert',
            message: `Fassung ${result.versionNo} des Hilfeplans wurde gespeichert.`,
          });
          for (const warning of result.warnings) {
            notifications.show({ color: 'yellow', title: 'Hinweis', message: warning, autoClose: false });
          }
        },
        onError: (error) => {
          form.showServerError(error);
          if (!isVersionConflict(error)) return;
          setConflict(true);
          fetchCurrentCase(detail.id).then(
            (fresh) => setTheirs(fresh.helpPlans.at(-1) ?? null),
            () => undefined,
          );
        },
      }),
    );
  }

  return (
    <SectionForm
      title={latest ? `Hilfeplan fortschreiben (Fassung ${latest.versionNo + 1})` : 'Hilfeplan erstellen'}
      intro={
        <Text size="sm">
          Richtungsziel und Handlungsziele werden aus „Wille und Ziele“ übernommen
          {goals.length > 0 ? ` (${goals.length} Handlungsziele).` : '.'}
        </Text>
      }
      onSubmit={() => send(latest)}
      submitting={save.isPending}
      submitLabel="Hilfeplan speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
      onReload={conflict ? () => void reload() : null}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DateField
          label="Antrag vom"
          required
          value={form.values.applicationOn}
          onChange={(e) => form.set('applicationOn', e.currentTarget.value)}
          error={form.errors.applicationOn}
        />
        <TextInput
          label="Antragstellende"
          description="Die Personensorgeberechtigten oder der junge Mensch."
          required
          value={form.values.applicant}
          onChange={(e) => form.set('applicant', e.currentTarget.value)}
          error={form.errors.applicant}
        />
        <DateField
          label="Gespräch am"
          required
          value={meetingOn}
          onChange={(e) => setMeeting(e.currentTarget.value)}
          error={form.errors.meetingOn}
        />
        <DateField
          label="Überprüfung am"
          description={
            <FieldHint
              hint="hilfeplanReview"
              text={latestReview ? `Spätestens am ${formatDateDe(latestReview)} (sechs Monate).` : undefined}
            />
          }
          required
          value={reviewOn}
          onChange={(e) => form.set('reviewOn', e.currentTarget.value)}
          error={form.errors.reviewOn}
        />
      </SimpleGrid>
      {tooLate && (
        <Alert color="yellow" title="Hinweis: Überprüfung nach mehr als sechs Monaten">
          <Text size="sm">
            Die Überprüfung am {formatDateDe(reviewOn)} liegt mehr als sechs Monate nach dem
            Hilfeplangespräch. § 36 SGB VIII verlangt eine Überprüfung spätestens nach sechs Monaten, also bis{' '}
            {formatDateDe(latestReview)}.
          </Text>
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={4} size="h6">
          Beteiligte
        </Title>
        {participants.map((p, i) => (
          <Group key={p.key} align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              flex={1}
              label={`Beteiligte Person ${i + 1}`}
              required
              value={p.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                form.set(
                  'participants',
                  participants.map((q, k) => (k === i ? { ...q, name } : q)),
                );
              }}
              error={form.errors[`participants.${i}`]}
            />
            <Button
              variant="outline"
              color="red.9"
              aria-label={`Entfernen (Beteiligte Person ${i + 1})`}
              onClick={() =>
                form.set(
                  'participants',
                  participants.filter((_, k) => k !== i),
                )
              }
            >
              Entfernen
            </Button>
          </Group>
        ))}
        {form.errors.participants && (
          <Text size="sm" c="red.9" role="alert">
            {form.errors.participants}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            disabled={participants.length >= 30}
            onClick={() => form.set('participants', [...participants, ...participantDrafts([''])])}
          >
            Beteiligte Person hinzufügen
          </Button>
        </Group>
      </Stack>
      <Checkbox
        label="Kind bzw. junger Mensch war am Hilfeplangespräch beteiligt"
        checked={form.values.childParticipated}
        onChange={(e) => form.set('childParticipated', e.currentTarget.checked)}
      />
      <Textarea
        label="Vereinbarte Hilfen und Schritte"
        required
        autosize
        minRows={3}
        value={form.values.agreedMeasures}
        onChange={(e) => form.set('agreedMeasures', e.currentTarget.value)}
        error={form.errors.agreedMeasures}
      />
      {latest && goals.length > 0 && (
        <Stack gap="sm">
          <Title order={4} size="h6">
            Zielerreichung seit Fassung {latest.versionNo}
          </Title>
          {goals.map((goal, i) => {
            const rating = form.values.attainment[goal.id] ?? { score: null, note: '' };
            const setRating = (changed: Partial<typeof rating>) =>
              form.set('attainment', { ...form.values.attainment, [goal.id]: { ...rating, ...changed } });
            return (
              <Stack key={goal.id} gap={6}>
                <Radio.Group
                  label={`Handlungsziel ${i + 1}: ${goal.text}`}
                  value={rating.score}
                  onChange={(score) => setRating({ score })}
                >
                  <Group gap="md" mt={6}>
                    {attainmentScale.values.map((score) => (
                      <Radio key={score} value={score} label={attainmentScale.labels[score]} />
                    ))}
                  </Group>
                </Radio.Group>
                <TextInput
                  label={`Anmerkung zu Handlungsziel ${i + 1}`}
                  value={rating.note}
                  onChange={(e) => setRating({ note: e.currentTarget.value })}
                />
              </Stack>
            );
          })}
        </Stack>
      )}
      <ConflictCompare
        opened={theirs !== null}
        savedBy={
          theirs
            ? `(Fassung ${theirs.versionNo}${theirs.createdBy ? ` von ${theirs.createdBy}` : ''})`
            : undefined
        }
        fields={
          theirs
            ? [
                { label: 'Antragstellende', mine: form.values.applicant, theirs: theirs.applicant },
                {
                  label: 'Gespräch am',
                  mine: formatDateDe(meetingOn),
                  theirs: formatDateDe(theirs.meetingOn),
                },
                {
                  label: 'Beteiligte',
                  mine: participants.map((p) => p.name).join('\n'),
                  theirs: theirs.participants.join('\n'),
                },
                {
                  label: 'Vereinbarte Hilfen und Schritte',
                  mine: form.values.agreedMeasures,
                  theirs: theirs.agreedMeasures,
                },
                {
                  label: 'Überprüfung am',
                  mine: formatDateDe(reviewOn),
                  theirs: formatDateDe(theirs.reviewOn),
                },
              ]
            : []
        }
        onTakeMine={() => {
          const other = theirs;
          setTheirs(null);
          // Mine becomes the next version after the one saved meanwhile: nothing of it is overwritten.
          send(other);
        }}
        onTakeTheirs={() => {
          setTheirs(null);
          form.draft.discard();
          void reload();
        }}
        onClose={() => setTheirs(null)}
        saving={save.isPending}
      />
    </SectionForm>
  );
}
