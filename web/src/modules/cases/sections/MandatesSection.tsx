import {
  type CaseDetail,
  formatDateDe,
  mandateInputSchema,
  mandateKinds,
  mandatePurposes,
  mandateResults,
} from '@leuchtturm/shared';
import {
  Alert,
  Badge,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { useFormState } from '../../../app/form.ts';
import { EscalateMandateForm, mayEscalate } from '../../childProtection/EscalateMandateForm.tsx';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { FieldHint } from '../../help/FieldHint.tsx';
import { useAddMandate } from '../caseQueries.ts';
import { MandateResultForm } from './MandateResultForm.tsx';
import { DateField, emptyToNull, SectionForm, type SectionProps } from './ui.tsx';

type Mandate = CaseDetail['mandates'][number];

/** Aufträge (grey and danger area) and Auflagen (danger area only): what the carers must do, by when, checked how. */
export function MandatesSection({ detail, readOnly }: SectionProps) {
  const editor = useModalState<Mandate>();
  const escalation = useModalState<Mandate>();
  const allowed = detail.area === 'grau' || detail.area === 'gefaehrdung';
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Aufträge und Auflagen
      </Title>
      {detail.mandates.length === 0 ? (
        <Text>Keine Aufträge oder Auflagen.</Text>
      ) : (
        <DataTable
          caption={`${detail.mandates.length === 1 ? 'Ein Auftrag bzw. eine Auflage' : `${detail.mandates.length} Aufträge und Auflagen`}, nach Fälligkeit`}
          headers={[
            'Art',
            'Inhalt',
            'an wen',
            'fällig',
            'Überprüfung',
            'Ergebnis',
            ...(readOnly ? [] : ['Aktionen']),
          ]}
          minWidth={860}
        >
          {detail.mandates.map((m, index) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {mandateKinds.labels[m.kind]}
                <Text size="sm">{mandatePurposes.labels[m.purpose]}</Text>
                {m.escalatedFromId && <Text size="sm">aus einem nicht erfüllten Auftrag überführt</Text>}
              </Table.Td>
              <Table.Td className="pre-wrap">
                {m.confided && (
                  <>
                    <ConfidedBadge withheld={m.confided.withheld} />{' '}
                  </>
                )}
                {m.text}
                <ConfidedControls
                  detail={detail}
                  itemType="mandate"
                  itemId={m.id}
                  mark={m.confided}
                  what={`${mandateKinds.labels[m.kind]} ${index + 1}`}
                  readOnly={readOnly}
                />
              </Table.Td>
              <Table.Td>{m.addressee}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {formatDateDe(m.dueOn)}
                  {m.overdue && (
                    <Badge color="red" variant="light">
                      überfällig
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td className="pre-wrap">
                {m.checkMethod}
                {m.reviewOn && <Text size="sm">Überprüfung am {formatDateDe(m.reviewOn)}</Text>}
              </Table.Td>
              <Table.Td>
                {mandateResults.labels[m.result]}
                {m.consequence && (
                  <Text size="sm" className="pre-wrap">
                    Konsequenz: {m.consequence}
                  </Text>
                )}
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={m.confided?.withheld}
                      onClick={() => editor.open(m)}
                      aria-label={`Ergebnis erfassen: ${mandateKinds.labels[m.kind]} ${index + 1}, fällig ${formatDateDe(m.dueOn)}`}
                    >
                      Ergebnis erfassen
                    </Button>
                    {m.confided?.withheld && (
                      <Text size="sm">Anvertraut: ändern kann es nur, wer den Inhalt sehen darf.</Text>
                    )}
                    {mayEscalate(m, detail.mandates) && !m.confided?.withheld && (
                      <Button
                        size="xs"
                        color="red.9"
                        variant="outline"
                        onClick={() => escalation.open(m)}
                        aria-label={`In Auflage überführen: Auftrag ${index + 1}, fällig ${formatDateDe(m.dueOn)}`}
                      >
                        In Auflage überführen
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {!readOnly && (
        <>
          <Alert color="blue" title="Aufträge und Auflagen" role="note">
            <Text size="sm">
              Aufträge gibt es im Grau- und im Gefährdungsbereich: die Fachkräfte sind besorgt und lassen ein
              Risiko klären oder abwenden. Auflagen gibt es nur im Gefährdungsbereich: sie müssen erfüllt
              werden, damit das Kind geschützt ist. Im Leistungsbereich führen Wille und Ziele der Familie.
            </Text>
          </Alert>
          {allowed ? (
            <MandateForm detail={detail} />
          ) : (
            <Text>
              Der Fall ist {detail.area ? 'im Leistungsbereich' : 'noch nicht eingeordnet'}: Aufträge und
              Auflagen können erst nach einer Einordnung in den Grau- oder Gefährdungsbereich erteilt werden.
            </Text>
          )}
        </>
      )}
      {escalation.value && (
        <EscalateMandateForm
          key={escalation.key}
          detail={detail}
          mandate={escalation.value}
          opened={escalation.opened}
          onClose={escalation.close}
        />
      )}
      {editor.value && (
        <MandateResultForm
          key={editor.key}
          caseId={detail.id}
          mandate={editor.value}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
    </Stack>
  );
}

function MandateForm({ detail }: { detail: CaseDetail }) {
  const kinds = detail.area === 'gefaehrdung' ? mandateKinds.values : (['auftrag'] as const);
  const initial = () => ({
    kind: 'auftrag' as string | null,
    purpose: null as string | null,
    text: '',
    addressee: '',
    dueOn: '',
    checkMethod: '',
    reviewOn: '',
    consequence: '',
  });
  const form = useFormState(initial(), { draft: `auftrag:neu:${detail.id}` });
  const save = useAddMandate(detail.id);

  function submit() {
    const input = form.validate(mandateInputSchema, {
      ...form.values,
      // An Auflage always averts an endangerment.
      purpose: form.values.kind === 'auflage' ? 'abwendung' : form.values.purpose,
      consequence: emptyToNull(form.values.consequence),
    });
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
      title="Auftrag oder Auflage erteilen"
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Auftrag oder Auflage speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
    >
      <Select
        label="Art"
        required
        w={260}
        data={kinds.map((k) => ({ value: k, label: mandateKinds.labels[k] }))}
        value={form.values.kind}
        onChange={(value) => form.set('kind', value)}
        error={form.errors.kind}
        allowDeselect={false}
        description={
          <FieldHint
            hint="mandateKind"
            before={detail.area === 'grau' ? 'In diesem Fall (Graubereich) nur Aufträge.' : undefined}
          />
        }
      />
      {form.values.kind === 'auflage' ? (
        <Text size="sm">
          Zweck: {mandatePurposes.labels.abwendung} (eine Auflage wendet immer eine Gefährdung ab).
        </Text>
      ) : (
        <Radio.Group
          label="Zweck des Auftrags"
          description={<FieldHint hint="mandatePurpose" />}
          required
          value={form.values.purpose}
          onChange={(value) => form.set('purpose', value)}
          error={form.errors.purpose}
        >
          <Group gap="lg" mt="xs">
            {mandatePurposes.values.map((p) => (
              <Radio key={p} value={p} label={mandatePurposes.labels[p]} />
            ))}
          </Group>
        </Radio.Group>
      )}
      <Textarea
        label="Inhalt"
        description="Was muss getan oder gezeigt werden?"
        required
        autosize
        minRows={2}
        value={form.values.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={form.errors.text}
      />
      <Group grow align="flex-start">
        <TextInput
          label="Adressat/in"
          required
          value={form.values.addressee}
          onChange={(e) => form.set('addressee', e.currentTarget.value)}
          error={form.errors.addressee}
        />
        <DateField
          label="Fällig am"
          required
          value={form.values.dueOn}
          onChange={(e) => form.set('dueOn', e.currentTarget.value)}
          error={form.errors.dueOn}
        />
      </Group>
      <Textarea
        label="Wie wird überprüft?"
        required
        autosize
        minRows={2}
        value={form.values.checkMethod}
        onChange={(e) => form.set('checkMethod', e.currentTarget.value)}
        error={form.errors.checkMethod}
      />
      <DateField
        label="Überprüfung am"
        description="Wann wird mit der Familie überprüft, ob der Auftrag erfüllt ist?"
        required
        w={260}
        value={form.values.reviewOn}
        onChange={(e) => form.set('reviewOn', e.currentTarget.value)}
        error={form.errors.reviewOn}
      />
      <Textarea
        label="Konsequenz"
        description="Was folgt, wenn der Auftrag oder die Auflage nicht erfüllt wird? (optional)"
        autosize
        minRows={2}
        value={form.values.consequence}
        onChange={(e) => form.set('consequence', e.currentTarget.value)}
        error={form.errors.consequence}
      />
    </SectionForm>
  );
}
