import {
  addMonths,
  type CaseDetail,
  familyConferenceInputSchema,
  familyConferencePhases,
  formatDateDe,
} from '@leuchtturm/shared';
import { Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useFormState } from '../../../app/form.ts';
import { useSaveFamilyConference } from '../caseQueries.ts';
import { ConfidedSheetHead, useSheetSave } from './ConfidedSheet.tsx';
import { DateField, emptyToNull, InfoList, SectionForm, type SectionProps } from './ui.tsx';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

const intro =
  'Das Jugendamt formuliert sein Anliegen; die Familie wählt Teilnehmende, Ort und Zeit. Nach Informations-, ' +
  'Familien- und Entscheidungsphase folgt etwa drei Monate später ein Folgerat.';

/**
 * Familienrat (family group conference): one per case, saved as a whole. Under § 65 its texts can be confided;
 * whoever sees the placeholder reads date and phase but cannot save (the server refuses it too).
 */
export function FamilyConferenceSection({ detail, readOnly }: SectionProps) {
  const conference = detail.familyConference;
  const mark = conference?.confided ?? null;
  return (
    <>
      <ConfidedSheetHead
        detail={detail}
        itemType="family_conference"
        mark={mark}
        what="Familienrat"
        readOnly={readOnly}
        // Nothing to mark before the first save.
        mayMark={conference?.mayMarkConfided ?? false}
        withheldTitle="Nur lesbar: der Familienrat ist anvertraut"
        withheldText={(confidedTo) => (
          <>
            Die Angaben zum Familienrat wurden {confidedTo} anvertraut (§ 65 SGB VIII). Datum und Phase
            bleiben sichtbar; ändern kann ihn nur, wer die Angaben sehen darf.
          </>
        )}
      />
      {readOnly || mark?.withheld ? (
        <FamilyConferenceView detail={detail} />
      ) : (
        <FamilyConferenceForm key={conference?.version ?? 0} detail={detail} />
      )}
    </>
  );
}

function FamilyConferenceView({ detail }: { detail: CaseDetail }) {
  const conference = detail.familyConference;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Familienrat
      </Title>
      {conference ? (
        <InfoList
          items={[
            ['Anliegen des Jugendamts', conference.concern],
            ['Koordination', conference.coordinator],
            ['Teilnehmende', conference.participants],
            ['Ort', conference.place],
            ['Datum', formatDateDe(conference.heldOn)],
            ['Phase', familyConferencePhases.labels[conference.phase]],
            ['Plan der Familie', conference.familyPlan],
            ['Entscheidung des Jugendamts', conference.officeDecision],
            ['Folgerat am', formatDateDe(conference.followUpOn)],
          ]}
        />
      ) : (
        <Text>Für diesen Fall gab es keinen Familienrat.</Text>
      )}
    </Stack>
  );
}

function FamilyConferenceForm({ detail }: { detail: CaseDetail }) {
  const c = detail.familyConference;
  const form = useFormState(
    {
      concern: c?.concern ?? '',
      coordinator: c?.coordinator ?? '',
      participants: c?.participants ?? '',
      place: c?.place ?? '',
      heldOn: c?.heldOn ?? '',
      phase: (c?.phase ?? 'vorbereitung') as string | null,
      familyPlan: c?.familyPlan ?? '',
      officeDecision: c?.officeDecision ?? '',
      followUpOn: c?.followUpOn ?? '',
    },
    { draft: `familienrat:${detail.id}` },
  );
  const { save, saving, onReload } = useSheetSave(detail.id, form, useSaveFamilyConference(detail.id));
  const { heldOn, followUpOn } = form.values;
  const suggestion = isDate(heldOn) ? addMonths(heldOn, 3) : null;

  function setHeldOn(value: string) {
    // The follow-up council is suggested three months later, as long as nobody chose another date.
    const previous = isDate(heldOn) ? addMonths(heldOn, 3) : '';
    form.set('heldOn', value);
    if (isDate(value) && (followUpOn === '' || followUpOn === previous))
      form.set('followUpOn', addMonths(value, 3));
  }

  function submit() {
    const v = form.values;
    const input = form.validate(familyConferenceInputSchema, {
      concern: v.concern,
      coordinator: emptyToNull(v.coordinator),
      participants: emptyToNull(v.participants),
      place: emptyToNull(v.place),
      heldOn: emptyToNull(v.heldOn),
      phase: v.phase,
      familyPlan: emptyToNull(v.familyPlan),
      officeDecision: emptyToNull(v.officeDecision),
      followUpOn: emptyToNull(v.followUpOn),
      version: c?.version ?? 0,
    });
    if (input) save(input);
  }

  const text = (field: 'concern' | 'participants' | 'familyPlan' | 'officeDecision', label: string) => (
    <Textarea
      label={label}
      required={field === 'concern'}
      autosize
      minRows={2}
      value={form.values[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.errors[field]}
    />
  );

  return (
    <SectionForm
      title="Familienrat"
      order={2}
      intro={<Text size="sm">{intro}</Text>}
      onSubmit={submit}
      submitting={saving}
      submitLabel="Familienrat speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
      onReload={onReload}
    >
      {text('concern', 'Anliegen des Jugendamts')}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label="Koordination"
          description="Die unabhängige Koordinatorin oder der Koordinator."
          value={form.values.coordinator}
          onChange={(e) => form.set('coordinator', e.currentTarget.value)}
          error={form.errors.coordinator}
        />
        <Select
          label="Phase"
          required
          data={familyConferencePhases.values.map((p) => ({
            value: p,
            label: familyConferencePhases.labels[p],
          }))}
          value={form.values.phase}
          onChange={(value) => form.set('phase', value)}
          error={form.errors.phase}
          allowDeselect={false}
        />
      </SimpleGrid>
      {text('participants', 'Teilnehmende')}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <TextInput
          label="Ort"
          value={form.values.place}
          onChange={(e) => form.set('place', e.currentTarget.value)}
          error={form.errors.place}
        />
        <DateField
          label="Datum"
          value={heldOn}
          onChange={(e) => setHeldOn(e.currentTarget.value)}
          error={form.errors.heldOn}
        />
        <DateField
          label="Folgerat am"
          description={suggestion ? `Vorschlag: ${formatDateDe(suggestion)} (drei Monate später)` : undefined}
          value={followUpOn}
          onChange={(e) => form.set('followUpOn', e.currentTarget.value)}
          error={form.errors.followUpOn}
        />
      </SimpleGrid>
      {text('familyPlan', 'Plan der Familie')}
      {text('officeDecision', 'Entscheidung des Jugendamts')}
    </SectionForm>
  );
}
