import {
  ageCohorts,
  districtTalkInputSchema,
  districtTalkKinds,
  districtWalkInputSchema,
  networkMeetingInputSchema,
  recordNeedInputSchema,
  todayIso,
} from '@leuchtturm/shared';
import { Select, Textarea, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useDistricts } from '../organisation/queries.ts';
import { NoPersonalData } from './NoPersonalData.tsx';
import { useNeedFromRecord, useSaveMeeting, useSaveTalk, useSaveWalk } from './queries.ts';

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

const cohortOptions = ageCohorts.values.map((c) => ({ value: c, label: ageCohorts.labels[c] }));

function DistrictSelect(props: {
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}) {
  const districts = useDistricts();
  return (
    <Select
      label="Stadtteil"
      required
      searchable
      data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}

/** "Begehung erfassen": a Stadtteilbegehung with who took part and what was seen. */
export function WalkForm({ opened, onClose }: ModalProps) {
  const form = useFormState(
    { districtId: null as string | null, walkedOn: todayIso(), participants: '', observations: '' },
    { draft: 'begehung:neu' },
  );
  const v = form.values;
  return (
    <StepModalForm
      opened={opened}
      title="Stadtteilbegehung erfassen"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(districtWalkInputSchema, v)}
      mutation={useSaveWalk()}
    >
      <NoPersonalData />
      <DistrictSelect
        value={v.districtId}
        onChange={(x) => form.set('districtId', x)}
        error={form.errors.districtId}
      />
      <DateField
        label="Datum"
        required
        data-autofocus
        value={v.walkedOn}
        onChange={(e) => form.set('walkedOn', e.currentTarget.value)}
        error={form.errors.walkedOn}
      />
      <TextInput
        label="Teilnehmende"
        description="Kolleginnen und Kollegen, Kooperationspartner"
        required
        value={v.participants}
        onChange={(e) => form.set('participants', e.currentTarget.value)}
        error={form.errors.participants}
      />
      <Textarea
        label="Beobachtungen"
        autosize
        minRows={3}
        value={v.observations}
        onChange={(e) => form.set('observations', e.currentTarget.value)}
        error={form.errors.observations}
      />
    </StepModalForm>
  );
}

/** "Erkundung oder Gespräch erfassen": the ten-minute exploration after a counselling talk, or a case-independent talk. */
export function TalkForm({ opened, onClose }: ModalProps) {
  const form = useFormState(
    {
      kind: 'erkundung' as string | null,
      districtId: null as string | null,
      heldOn: todayIso(),
      topic: '',
      notes: '',
    },
    { draft: 'gespraech:neu' },
  );
  const v = form.values;
  return (
    <StepModalForm
      opened={opened}
      title="Erkundung oder Gespräch erfassen"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(districtTalkInputSchema, v)}
      mutation={useSaveTalk()}
    >
      <NoPersonalData />
      <Select
        label="Art"
        required
        data-autofocus
        allowDeselect={false}
        data={districtTalkKinds.values.map((k) => ({ value: k, label: districtTalkKinds.labels[k] }))}
        value={v.kind}
        onChange={(x) => form.set('kind', x)}
        error={form.errors.kind}
      />
      <DistrictSelect
        value={v.districtId}
        onChange={(x) => form.set('districtId', x)}
        error={form.errors.districtId}
      />
      <DateField
        label="Datum"
        required
        value={v.heldOn}
        onChange={(e) => form.set('heldOn', e.currentTarget.value)}
        error={form.errors.heldOn}
      />
      <TextInput
        label="Thema"
        required
        value={v.topic}
        onChange={(e) => form.set('topic', e.currentTarget.value)}
        error={form.errors.topic}
      />
      <Textarea
        label="Was über den Stadtteil gesagt wurde"
        autosize
        minRows={3}
        value={v.notes}
        onChange={(e) => form.set('notes', e.currentTarget.value)}
        error={form.errors.notes}
      />
    </StepModalForm>
  );
}

/** "Treffen erfassen": a network meeting with its minutes and agreements. */
export function MeetingForm({ opened, onClose, networkId }: ModalProps & { networkId: string }) {
  const form = useFormState(
    { heldOn: todayIso(), minutes: '', agreements: '' },
    { draft: `netzwerktreffen:neu:${networkId}` },
  );
  const v = form.values;
  return (
    <StepModalForm
      opened={opened}
      title="Netzwerktreffen erfassen"
      onClose={onClose}
      form={form}
      toInput={() => form.validate(networkMeetingInputSchema, v)}
      mutation={useSaveMeeting(networkId)}
    >
      <NoPersonalData />
      <DateField
        label="Datum"
        required
        data-autofocus
        value={v.heldOn}
        onChange={(e) => form.set('heldOn', e.currentTarget.value)}
        error={form.errors.heldOn}
      />
      <Textarea
        label="Protokoll"
        required
        autosize
        minRows={4}
        value={v.minutes}
        onChange={(e) => form.set('minutes', e.currentTarget.value)}
        error={form.errors.minutes}
      />
      <Textarea
        label="Vereinbarungen"
        autosize
        minRows={2}
        value={v.agreements}
        onChange={(e) => form.set('agreements', e.currentTarget.value)}
        error={form.errors.agreements}
      />
    </StepModalForm>
  );
}

/**
 * "Bedarf erfassen" from a visit, walk, talk or network meeting: the need counts with the record's source and day.
 * The district is the record's; a network of a Sozialzentrum asks for it (`askDistrict`).
 */
export function NeedFromRecordForm({
  opened,
  onClose,
  path,
  askDistrict = false,
  defaultCohort = null,
}: ModalProps & { path: string; askDistrict?: boolean; defaultCohort?: string | null }) {
  const form = useFormState(
    { text: '', ageCohort: defaultCohort, districtId: null as string | null },
    { draft: `bedarf:${path}` },
  );
  const v = form.values;
  const toInput = () =>
    form.validate(recordNeedInputSchema, {
      text: v.text,
      ...(v.ageCohort ? { ageCohort: v.ageCohort } : {}),
      ...(askDistrict && v.districtId ? { districtId: v.districtId } : {}),
    });
  return (
    <StepModalForm
      opened={opened}
      title="Bedarf erfassen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={useNeedFromRecord(path)}
    >
      <TextInput
        label="Bedarf"
        description="Welches Angebot fehlt im Stadtteil? Ohne Angaben zu Personen."
        required
        data-autofocus
        value={v.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={form.errors.text}
      />
      <Select
        label="Altersgruppe"
        required
        data={cohortOptions}
        value={v.ageCohort}
        onChange={(x) => form.set('ageCohort', x)}
        error={form.errors.ageCohort}
      />
      {askDistrict && (
        <DistrictSelect
          value={v.districtId}
          onChange={(x) => form.set('districtId', x)}
          error={form.errors.districtId}
        />
      )}
    </StepModalForm>
  );
}
