import {
  microProjectCategories,
  microProjectInputSchema,
  microProjectStatuses,
  todayIso,
} from '@leuchtturm/shared';
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { DraftOffer } from '../../app/components/DraftOffer.tsx';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { DateField } from '../cases/sections/ui.tsx';
import { useNeedDetail, useNeeds } from '../needs/queries.ts';
import { useDistricts } from '../organisation/queries.ts';
import { useCreateProject } from './queries.ts';

const options = <T extends string>(c: { values: readonly T[]; labels: Record<T, string> }) =>
  c.values.map((v) => ({ value: v, label: c.labels[v] }));

/** A new micro-project, usually developed from a need of the district ("Mikroprojekt daraus entwickeln"). */
export function NewMicroProjectPage() {
  const { needId } = useSearch({ from: '/app/mikroprojekte/neu' });
  const navigate = useNavigate();
  const districts = useDistricts();
  const form = useFormState(
    {
      name: '',
      category: null as string | null,
      districtIds: [] as string[],
      provider: '',
      targetGroup: '',
      description: '',
      startsOn: todayIso(),
      endsOn: '',
      status: 'geplant' as string | null,
      needIds: needId ? [needId] : ([] as string[]),
    },
    { draft: `mikroprojekt:neu:${needId ?? 'ohne-bedarf'}` },
  );
  const v = form.values;
  const fromNeed = useNeedDetail(needId ?? '');
  // The need's district is the project's first district.
  const needDistrict = needId ? fromNeed.data?.district.id : undefined;
  useEffect(() => {
    if (needDistrict)
      form.update((current) =>
        current.districtIds.length > 0 ? current : { ...current, districtIds: [needDistrict] },
      );
  }, [needDistrict, form.update]);
  const firstDistrict = v.districtIds[0];
  const needs = useNeeds(firstDistrict ? { districtId: firstDistrict } : {});
  const needOptions = [
    ...(fromNeed.data && needId ? [{ value: needId, label: fromNeed.data.text }] : []),
    ...(firstDistrict ? (needs.data ?? []) : [])
      .filter((n) => n.id !== needId && n.status !== 'erledigt')
      .map((n) => ({ value: n.id, label: n.text })),
  ];
  const save = useCreateProject();

  function submit() {
    const valid = form.validate(microProjectInputSchema, { ...v, endsOn: v.endsOn === '' ? null : v.endsOn });
    if (!valid) return;
    form.send(
      save.mutateAsync(valid, {
        onSuccess: ({ id }) => void navigate({ to: '/mikroprojekte/$projectId', params: { projectId: id } }),
        onError: (error) => form.showServerError(error),
      }),
    );
  }

  return (
    <Page title="Neues Mikroprojekt">
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {form.formError && (
          <Alert color="red" role="alert" title="Nicht gespeichert" mb="md">
            {form.formError}
          </Alert>
        )}
        <DraftOffer draft={form.draft} />
        <SimpleGrid cols={{ base: 1, md: 2 }} maw={960}>
          <TextInput
            label="Name"
            required
            value={v.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.errors.name}
          />
          <Select
            label="Kategorie"
            required
            data={options(microProjectCategories)}
            value={v.category}
            onChange={(value) => form.set('category', value)}
            error={form.errors.category}
          />
          <MultiSelect
            label="Stadtteile"
            required
            searchable
            data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={v.districtIds}
            onChange={(value) => form.set('districtIds', value)}
            error={form.errors.districtIds}
          />
          <TextInput
            label="Träger"
            required
            value={v.provider}
            onChange={(e) => form.set('provider', e.currentTarget.value)}
            error={form.errors.provider}
          />
          <TextInput
            label="Zielgruppe"
            required
            value={v.targetGroup}
            onChange={(e) => form.set('targetGroup', e.currentTarget.value)}
            error={form.errors.targetGroup}
          />
          <Select
            label="Status"
            required
            data={options(microProjectStatuses)}
            value={v.status}
            onChange={(value) => form.set('status', value)}
            error={form.errors.status}
            allowDeselect={false}
          />
          <DateField
            label="Beginn"
            required
            value={v.startsOn}
            onChange={(e) => form.set('startsOn', e.currentTarget.value)}
            error={form.errors.startsOn}
          />
          <DateField
            label="Ende"
            description="optional"
            value={v.endsOn}
            onChange={(e) => form.set('endsOn', e.currentTarget.value)}
            error={form.errors.endsOn}
          />
          <MultiSelect
            label="Bedarfe, aus denen das Projekt entsteht"
            description="Bedarfe des ersten Stadtteils; sie werden „in Arbeit“ gesetzt."
            searchable
            data={needOptions}
            value={v.needIds}
            onChange={(value) => form.set('needIds', value)}
            error={form.errors.needIds}
          />
          <Textarea
            label="Beschreibung"
            description="optional"
            autosize
            minRows={2}
            value={v.description}
            onChange={(e) => form.set('description', e.currentTarget.value)}
            error={form.errors.description}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            Mikroprojekt anlegen
          </Button>
        </Group>
      </form>
    </Page>
  );
}
