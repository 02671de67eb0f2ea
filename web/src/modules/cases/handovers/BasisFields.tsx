import { type CaseDetail, formatDateDe, legalBases } from '@leuchtturm/shared';
import { Fieldset, Radio, Select, Stack, Text } from '@mantine/core';
import type { FieldErrors } from '../../../app/form.ts';

export interface BasisDraft {
  kind: 'consent' | 'law';
  consentId: string | null;
  legalBasis: string | null;
}
export const emptyBasis: BasisDraft = { kind: 'consent', consentId: null, legalBasis: null };

/** The basis as the body carries it: exactly one of a consent and a legal basis (the server checks it). */
export const basisBody = (b: BasisDraft) =>
  b.kind === 'consent'
    ? b.consentId
      ? { consentId: b.consentId }
      : {}
    : b.legalBasis
      ? { legalBasis: b.legalBasis }
      : {};

/**
 * "Grundlage der Übermittlung": a Schweigepflichtentbindung of the case that is valid today, or a legal basis from
 * the shared list. Without one nothing is produced.
 */
export function BasisFields({
  detail,
  value,
  errors,
  onChange,
}: {
  detail: CaseDetail;
  value: BasisDraft;
  errors: Readonly<FieldErrors>;
  onChange: (next: BasisDraft) => void;
}) {
  const active = detail.consents.filter((c) => c.active);
  return (
    <Fieldset legend="Grundlage der Übermittlung">
      <Stack gap="sm">
        <Radio.Group
          label="Die Übermittlung beruht auf"
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind: kind as BasisDraft['kind'] })}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="consent" label="einer gültigen Schweigepflichtentbindung" />
            <Radio value="law" label="einer gesetzlichen Grundlage" />
          </Stack>
        </Radio.Group>
        {value.kind === 'consent' ? (
          active.length === 0 ? (
            <Text size="sm" c="red.9" role="alert">
              Im Fall liegt keine gültige Schweigepflichtentbindung vor. Bitte eine gesetzliche Grundlage
              wählen oder zuerst eine Entbindung erfassen (Bereich Einwilligungen).
            </Text>
          ) : (
            <Select
              label="Schweigepflichtentbindung"
              required
              data={active.map((c) => ({
                value: c.id,
                label: `${c.personName} gegenüber ${c.recipient} (seit ${formatDateDe(c.validFrom)})`,
              }))}
              value={value.consentId}
              onChange={(consentId) => onChange({ ...value, consentId })}
              error={errors.consentId ?? (value.consentId ? undefined : errors.legalBasis)}
              allowDeselect={false}
            />
          )
        ) : (
          <Select
            label="Rechtsgrundlage"
            required
            data={legalBases.values.map((b) => ({ value: b, label: legalBases.labels[b] }))}
            value={value.legalBasis}
            onChange={(legalBasis) => onChange({ ...value, legalBasis })}
            error={errors.legalBasis}
            allowDeselect={false}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
