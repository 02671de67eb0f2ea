import { caseAreas, formatDateDe, riskConsultationInputSchema, todayIso } from '@leuchtturm/shared';
import { MultiSelect, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useUser } from '../../../app/auth.ts';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { useFormState } from '../../../app/form.ts';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { FieldHint } from '../../help/FieldHint.tsx';
import { formUrl, useAddRiskConsultation, useTeamStaff } from '../caseQueries.ts';
import { MandatesSection } from './MandatesSection.tsx';
import { DateField, DownloadLink, SectionForm, type SectionProps, staffOptions } from './ui.tsx';

/** One line per area, after docs/domain.md (section 2): what the classification means for the family. */
export const areaExplanations: Record<(typeof caseAreas.values)[number], string> = {
  leistung: 'Freiwillige Hilfe: Anliegen, Wille und Ziele der Familie führen.',
  grau: 'Die Fachkräfte sind besorgt: Aufträge sollen ein Risiko klären oder abwenden.',
  gefaehrdung: 'Das Kindeswohl ist gefährdet: Auflagen müssen erfüllt werden.',
};

/** Einordnung: the Kurzberatungen that classified the case, then the Aufträge and Auflagen. */
export function ClassificationSection({ detail, readOnly }: SectionProps) {
  const consultations = [...detail.classifications].reverse();
  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Kurzberatungen zur Risikoeinschätzung
        </Title>
        {consultations.length === 0 ? (
          <Text>Noch keine Kurzberatung erfasst: der Fall ist noch nicht eingeordnet.</Text>
        ) : (
          <DataTable
            caption={`${consultations.length} ${consultations.length === 1 ? 'Kurzberatung' : 'Kurzberatungen'}, neueste zuerst`}
            headers={['Datum', 'Einordnung', 'Teilnehmende', 'Sachverhalt', 'Nächste Schritte', 'Formular']}
            minWidth={840}
          >
            {consultations.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDateDe(c.decidedOn)}</Table.Td>
                <Table.Td>{caseAreas.labels[c.area]}</Table.Td>
                <Table.Td>{c.participants.join(', ')}</Table.Td>
                <Table.Td className="pre-wrap">
                  {c.confided && (
                    <>
                      <ConfidedBadge withheld={c.confided.withheld} />{' '}
                    </>
                  )}
                  {c.facts}
                  <ConfidedControls
                    detail={detail}
                    itemType="risk_consultation"
                    itemId={c.id}
                    mark={c.confided}
                    what={`Kurzberatung vom ${formatDateDe(c.decidedOn)}`}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td className="pre-wrap">{c.nextSteps}</Table.Td>
                <Table.Td>
                  <DownloadLink
                    href={formUrl(detail.id, 'kurzberatung', c.id)}
                    label={`Protokoll (PDF) der Kurzberatung vom ${formatDateDe(c.decidedOn)}`}
                  >
                    Protokoll (PDF)
                  </DownloadLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        {!readOnly && <RiskConsultationForm detail={detail} />}
      </Stack>
      <MandatesSection detail={detail} readOnly={readOnly} />
    </>
  );
}

function RiskConsultationForm({ detail }: { detail: SectionProps['detail'] }) {
  const user = useUser();
  const staff = useTeamStaff(detail.team?.id ?? null);
  const initial = () => ({
    heldOn: todayIso(),
    participantIds: [user.id],
    facts: '',
    area: null as string | null,
    nextSteps: '',
  });
  const form = useFormState(initial(), { draft: `kurzberatung:${detail.id}` });
  const save = useAddRiskConsultation(detail.id);

  const options = staffOptions(staff.data);
  if (!options.some((o) => o.value === user.id)) options.unshift({ value: user.id, label: user.displayName });

  function submit() {
    const input = form.validate(riskConsultationInputSchema, form.values);
    if (!input) return;
    form.send(
      save.mutateAsync(input, {
        onSuccess: () => form.reset(initial()),
        onError: (error) => form.showServerError(error),
      }),
    );
  }

  return (
    <SectionForm
      title="Kurzberatung zur Risikoeinschätzung erfassen"
      intro={<Text size="sm">Mindestens zwei Fachkräfte ordnen den Fall gemeinsam ein.</Text>}
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Kurzberatung speichern"
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
      <MultiSelect
        label="Teilnehmende"
        description="Mindestens zwei Fachkräfte des Teams."
        required
        data={options}
        value={form.values.participantIds}
        onChange={(value) => form.set('participantIds', value)}
        error={form.errors.participantIds}
        searchable
      />
      <Textarea
        label="Sachverhalt"
        required
        autosize
        minRows={3}
        value={form.values.facts}
        onChange={(e) => form.set('facts', e.currentTarget.value)}
        error={form.errors.facts}
      />
      <Radio.Group
        label="Einordnung"
        description={<FieldHint hint="falleinordnung" />}
        required
        value={form.values.area}
        onChange={(value) => form.set('area', value)}
        error={form.errors.area}
      >
        <Stack gap="sm" mt="xs">
          {caseAreas.values.map((area) => (
            <Radio
              key={area}
              value={area}
              label={caseAreas.labels[area]}
              description={areaExplanations[area]}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label="Nächste Schritte"
        required
        autosize
        minRows={2}
        value={form.values.nextSteps}
        onChange={(e) => form.set('nextSteps', e.currentTarget.value)}
        error={form.errors.nextSteps}
      />
    </SectionForm>
  );
}
