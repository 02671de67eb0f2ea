import {
  ageCohorts,
  type CaseDetail,
  CLOSING_QUESTION,
  ideaSources,
  PEER_ROLES_DISTINCT,
  peerConsultationInputSchema,
  repeatedPeerRole,
  todayIso,
} from '@leuchtturm/shared';
import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useFormState } from '../../../app/form.ts';
import { FieldHint } from '../../help/FieldHint.tsx';
import { useAddPeerConsultation, useTeamStaff } from '../caseQueries.ts';
import { DateField, SectionForm, staffOptions } from './ui.tsx';

interface IdeaDraft {
  key: number;
  source: string | null;
  text: string;
}

// Row keys count on from the time of loading: a restored draft brings keys of an earlier page load.
let nextKey = Date.now();

export function PeerConsultationForm({ detail }: { detail: CaseDetail }) {
  const staff = useTeamStaff(detail.team?.id ?? null);
  const initial = () => ({
    heldOn: todayIso(),
    question: '',
    moderatorId: null as string | null,
    minutesId: null as string | null,
    perspectiveId: null as string | null,
    ideas: [] as IdeaDraft[],
    decision: '',
    closingAnswer: '',
    ageCohort: null as string | null,
  });
  const form = useFormState(initial(), { draft: `kollegiale-beratung:${detail.id}` });
  const district = detail.district?.name ?? 'des Falls';
  const save = useAddPeerConsultation(detail.id);
  const options = staffOptions(staff.data);
  const ideas = form.values.ideas;
  const setIdea = (index: number, changed: Partial<IdeaDraft>) =>
    form.set(
      'ideas',
      ideas.map((idea, i) => (i === index ? { ...idea, ...changed } : idea)),
    );

  function submit() {
    // Three different people for the three roles: the message goes to the role that repeats an earlier one.
    const repeated = repeatedPeerRole(form.values);
    const input = form.validate(
      peerConsultationInputSchema,
      { ...form.values, ideas: ideas.map(({ source, text }) => ({ source, text })) },
      repeated ? { [repeated]: PEER_ROLES_DISTINCT } : {},
    );
    if (!input) return;
    form.send(
      save.mutateAsync(input, {
        onSuccess: () => {
          form.reset(initial());
          notifications.show({
            color: 'green',
            title: 'Kollegiale Beratung gespeichert',
            message: `Der Bedarf wurde im Stadtteil ${district} erfasst.`,
          });
        },
        onError: (error) => form.showServerError(error),
      }),
    );
  }

  const roleSelect = (field: 'moderatorId' | 'minutesId' | 'perspectiveId', label: string) => (
    <Select
      label={label}
      required
      data={options}
      value={form.values[field]}
      onChange={(value) => {
        form.set(field, value);
        // Changing any role can settle a repeat, whichever role the message stands under.
        form.clearErrors((path) => form.errors[path] === PEER_ROLES_DISTINCT);
      }}
      error={form.errors[field]}
      searchable
    />
  );

  return (
    <SectionForm
      title="Kollegiale Beratung erfassen"
      intro={
        <Text size="sm">
          Die fallführende Fachkraft bringt eine offene Frage ein; eine Kollegin oder ein Kollege moderiert,
          eine Person protokolliert, eine nimmt die Sicht der Familie ein. Die Antwort auf die Abschlussfrage
          wird ein Bedarf des Stadtteils {district}.
        </Text>
      }
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Kollegiale Beratung speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
    >
      <DateField
        label="Datum"
        required
        w={200}
        value={form.values.heldOn}
        onChange={(e) => form.set('heldOn', e.currentTarget.value)}
        error={form.errors.heldOn}
      />
      <Textarea
        label="Fragestellung"
        description={<FieldHint hint="fragestellung" />}
        required
        autosize
        minRows={2}
        value={form.values.question}
        onChange={(e) => form.set('question', e.currentTarget.value)}
        error={form.errors.question}
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {roleSelect('moderatorId', 'Moderation')}
        {roleSelect('minutesId', 'Protokoll')}
        {roleSelect('perspectiveId', 'Perspektivwechsel')}
      </SimpleGrid>
      <Stack gap="sm">
        <Title order={4} size="h5">
          Ideen
        </Title>
        {ideas.length === 0 && <Text size="sm">Noch keine Ideen erfasst.</Text>}
        {ideas.map((idea, i) => (
          <Fieldset key={idea.key} legend={`Idee ${i + 1}`}>
            <Stack gap="sm">
              <Select
                label="Quelle"
                required
                data={ideaSources.values.map((s) => ({ value: s, label: ideaSources.labels[s] }))}
                value={idea.source}
                onChange={(value) => setIdea(i, { source: value })}
                error={form.errors[`ideas.${i}.source`]}
                allowDeselect={false}
              />
              <Textarea
                label="Idee"
                required
                autosize
                minRows={1}
                value={idea.text}
                onChange={(e) => setIdea(i, { text: e.currentTarget.value })}
                error={form.errors[`ideas.${i}.text`]}
              />
              <Group>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`Idee entfernen (Idee ${i + 1})`}
                  onClick={() =>
                    form.set(
                      'ideas',
                      ideas.filter((_, k) => k !== i),
                    )
                  }
                >
                  Idee entfernen
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            disabled={ideas.length >= 60}
            onClick={() => form.set('ideas', [...ideas, { key: ++nextKey, source: null, text: '' }])}
          >
            Idee hinzufügen
          </Button>
        </Group>
      </Stack>
      <Textarea
        label="Entscheidung"
        required
        autosize
        minRows={2}
        value={form.values.decision}
        onChange={(e) => form.set('decision', e.currentTarget.value)}
        error={form.errors.decision}
      />
      <Textarea
        label={CLOSING_QUESTION}
        description={<FieldHint hint="schlussfrage" />}
        required
        autosize
        minRows={2}
        value={form.values.closingAnswer}
        onChange={(e) => form.set('closingAnswer', e.currentTarget.value)}
        error={form.errors.closingAnswer}
      />
      <Select
        label="Altersgruppe"
        description="Für welche Altersgruppe wird das Angebot gebraucht?"
        required
        data={ageCohorts.values.map((a) => ({ value: a, label: ageCohorts.labels[a] }))}
        value={form.values.ageCohort}
        onChange={(value) => form.set('ageCohort', value)}
        error={form.errors.ageCohort}
        allowDeselect={false}
      />
    </SectionForm>
  );
}
