import { type CaseDetail, consentInputSchema, formatDateDe, todayIso } from '@leuchtturm/shared';
import {
  Badge,
  Button,
  Select,
  SimpleGrid,
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
import { formUrl, useAddConsent, useRevokeConsent } from '../caseQueries.ts';
import { ConfirmModal, DateField, DownloadLink, emptyToNull, SectionForm, type SectionProps } from './ui.tsx';

type Consent = CaseDetail['consents'][number];

function status(consent: Consent): { label: string; colour: string } {
  if (consent.revokedOn) return { label: `widerrufen am ${formatDateDe(consent.revokedOn)}`, colour: 'red' };
  if (consent.active) return { label: 'aktiv', colour: 'green' };
  return consent.validFrom > todayIso()
    ? { label: 'noch nicht gültig', colour: 'gray' }
    : { label: 'abgelaufen', colour: 'gray' };
}

/** Einwilligungen: Schweigepflichtentbindungen (who releases whom, for what, how long); revocable. */
export function ConsentsSection({ detail, readOnly }: SectionProps) {
  const revoker = useModalState<Consent>();
  const revoke = useRevokeConsent(detail.id);
  const consents = detail.consents;

  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Schweigepflichtentbindungen
        </Title>
        {consents.length === 0 ? (
          <Text>Keine Schweigepflichtentbindungen erfasst.</Text>
        ) : (
          <DataTable
            caption="Vor einer Weitergabe von Daten außerhalb von Leuchtturm prüfen, ob eine aktive Entbindung vorliegt."
            headers={[
              'Person',
              'Stelle/Person',
              'Zweck',
              'gültig von',
              'gültig bis',
              'Status',
              'Formular und Aktionen',
            ]}
            minWidth={900}
          >
            {consents.map((c) => {
              const s = status(c);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.personName}</Table.Td>
                  <Table.Td>{c.recipient}</Table.Td>
                  <Table.Td className="pre-wrap">{c.purpose}</Table.Td>
                  <Table.Td>{formatDateDe(c.validFrom)}</Table.Td>
                  <Table.Td>{c.validUntil ? formatDateDe(c.validUntil) : 'unbefristet'}</Table.Td>
                  <Table.Td>
                    <Badge color={s.colour} variant="light">
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap="xs" align="flex-start">
                      <DownloadLink
                        href={formUrl(detail.id, 'schweigepflichtentbindung', c.id)}
                        label={`Schweigepflichtentbindung (PDF): ${c.personName} gegenüber ${c.recipient}`}
                      >
                        Schweigepflichtentbindung (PDF)
                      </DownloadLink>
                      {!readOnly && !c.revokedOn && (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={`Widerrufen: ${c.personName} gegenüber ${c.recipient}`}
                          onClick={() => {
                            revoke.reset();
                            revoker.open(c);
                          }}
                        >
                          Widerrufen
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
      </Stack>
      {!readOnly && <ConsentForm detail={detail} />}
      <ConfirmModal
        opened={revoker.opened}
        title="Schweigepflichtentbindung widerrufen?"
        confirmLabel="Widerruf bestätigen"
        onClose={revoker.close}
        onConfirm={() => revoker.value && revoke.mutate(revoker.value, { onSuccess: revoker.close })}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text>
          Die Entbindung von {revoker.value?.personName} gegenüber {revoker.value?.recipient} wird mit dem
          heutigen Tag widerrufen. Das lässt sich nicht rückgängig machen.
        </Text>
      </ConfirmModal>
    </>
  );
}

function ConsentForm({ detail }: { detail: CaseDetail }) {
  const initial = () => ({
    personId: null as string | null,
    recipient: '',
    purpose: '',
    validFrom: todayIso(),
    validUntil: '',
  });
  const form = useFormState(initial(), { draft: `einwilligung:${detail.id}` });
  const save = useAddConsent(detail.id);

  function submit() {
    const input = form.validate(consentInputSchema, {
      ...form.values,
      validUntil: emptyToNull(form.values.validUntil),
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
      title="Schweigepflichtentbindung erfassen"
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Schweigepflichtentbindung speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Select
          label="Person"
          description="Wer entbindet von der Schweigepflicht?"
          required
          data={detail.household.members.map((m) => ({
            value: m.person.id,
            label: `${m.person.firstName} ${m.person.lastName}`,
          }))}
          value={form.values.personId}
          onChange={(value) => form.set('personId', value)}
          error={form.errors.personId}
          allowDeselect={false}
        />
        <TextInput
          label="Stelle/Person"
          description="Gegenüber wem gilt die Entbindung?"
          required
          value={form.values.recipient}
          onChange={(e) => form.set('recipient', e.currentTarget.value)}
          error={form.errors.recipient}
        />
      </SimpleGrid>
      <Textarea
        label="Zweck"
        required
        autosize
        minRows={2}
        value={form.values.purpose}
        onChange={(e) => form.set('purpose', e.currentTarget.value)}
        error={form.errors.purpose}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DateField
          label="Gültig ab"
          required
          value={form.values.validFrom}
          onChange={(e) => form.set('validFrom', e.currentTarget.value)}
          error={form.errors.validFrom}
        />
        <DateField
          label="Gültig bis"
          description="Leer lassen, wenn unbefristet."
          value={form.values.validUntil}
          onChange={(e) => form.set('validUntil', e.currentTarget.value)}
          error={form.errors.validUntil}
        />
      </SimpleGrid>
    </SectionForm>
  );
}
