import { type CaseDetail, resourceAreas, resourceInputSchema } from '@leuchtturm/shared';
import { Anchor, Button, Card, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../app/auth.ts';
import { ConfirmDelete } from '../../../app/components/ConfirmDelete.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { useFormState } from '../../../app/form.ts';
import { AtlasPicker } from '../../atlas/AtlasPicker.tsx';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { useAddResource, useRemoveResource } from '../caseQueries.ts';
import { SectionForm, type SectionProps } from './ui.tsx';

type Resource = CaseDetail['resources'][number];
type Area = (typeof resourceAreas.values)[number];

const areaTitles: Record<Area, { title: string; hint: string }> = {
  persoenlich: { title: 'Persönlich', hint: 'Stärken, Fähigkeiten und Interessen der Personen.' },
  sozial: { title: 'Sozial', hint: 'Familie, Freundinnen und Freunde, Nachbarschaft.' },
  materiell: { title: 'Materiell', hint: 'Geld, Wohnung, Dinge, die helfen.' },
  sozialraeumlich: { title: 'Sozialräumlich', hint: 'Einrichtungen und Angebote im Stadtteil.' },
};
const NO_GOAL = 'keines';

/** Ressourcenkarte: the family's resources in four areas, each optionally serving a Handlungsziel. */
export function ResourcesSection({ detail, readOnly }: SectionProps) {
  const remover = useModalState<Resource>();
  const remove = useRemoveResource(detail.id);
  const goalText = (id: string | null) => detail.willAndGoals.actionGoals.find((g) => g.id === id)?.text;

  return (
    <>
      <Title order={2} size="h3">
        Ressourcenkarte
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {resourceAreas.values.map((area) => {
          const items = detail.resources.filter((r) => r.area === area);
          return (
            <Card key={area} withBorder padding="md" radius="md">
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {areaTitles[area].title}
                </Title>
                <Text size="sm" c="gray.7">
                  {areaTitles[area].hint}
                </Text>
                {items.length === 0 ? (
                  <Text size="sm">Noch keine Einträge.</Text>
                ) : (
                  <ul className="resource-list">
                    {items.map((r, index) => (
                      <li key={r.id}>
                        <div>
                          {r.confided && <ConfidedBadge withheld={r.confided.withheld} />}
                          <Text size="sm" className="pre-wrap">
                            {r.description}
                          </Text>
                          {r.directoryEntryId && (
                            <Text size="sm">
                              Stadtteilatlas:{' '}
                              <Anchor
                                renderRoot={(props) => (
                                  <Link
                                    to="/atlas/$entryId"
                                    params={{ entryId: r.directoryEntryId ?? '' }}
                                    {...props}
                                  />
                                )}
                              >
                                {r.directoryEntryName ?? 'Eintrag'}
                              </Anchor>
                            </Text>
                          )}
                          {r.goalId && (
                            <Text size="sm" c="gray.7">
                              Dient dem Ziel: {goalText(r.goalId) ?? 'entfernt'}
                            </Text>
                          )}
                          <ConfidedControls
                            detail={detail}
                            itemType="resource"
                            itemId={r.id}
                            mark={r.confided}
                            what={`Ressource ${areaTitles[area].title} ${index + 1}`}
                            readOnly={readOnly}
                          />
                        </div>
                        {r.confided?.withheld && !readOnly && (
                          <Text size="sm">Anvertraut: löschen kann sie nur, wer den Inhalt sehen darf.</Text>
                        )}
                        {!readOnly && !r.confided?.withheld && (
                          <Button
                            size="xs"
                            variant="outline"
                            color="red.9"
                            aria-label={`Ressource „${r.description}“ löschen`}
                            onClick={() => {
                              remove.reset();
                              remover.open(r);
                            }}
                          >
                            Löschen
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
      {!readOnly && <ResourceForm detail={detail} />}
      <ConfirmDelete
        opened={remover.opened}
        what={`Die Ressource „${remover.value?.description ?? ''}“`}
        onClose={remover.close}
        onConfirm={() => remover.value && remove.mutate(remover.value, { onSuccess: remover.close })}
        deleting={remove.isPending}
        error={remove.error}
      />
    </>
  );
}

function ResourceForm({ detail }: { detail: CaseDetail }) {
  const initial = () => ({
    area: null as string | null,
    description: '',
    goalId: null as string | null,
    entry: null as { id: string; name: string } | null,
  });
  const form = useFormState(initial(), { draft: `ressource:${detail.id}` });
  const save = useAddResource(detail.id);
  const goals = detail.willAndGoals.actionGoals;
  const mayReadAtlas = useCan('atlas:read');

  function submit() {
    const { entry, ...values } = form.values;
    const input = form.validate(resourceInputSchema, { ...values, directoryEntryId: entry?.id ?? null });
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
      title="Ressource hinzufügen"
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Ressource hinzufügen"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
    >
      <Select
        label="Bereich"
        required
        w={260}
        data={resourceAreas.values.map((a) => ({ value: a, label: areaTitles[a].title }))}
        value={form.values.area}
        onChange={(value) => form.set('area', value)}
        error={form.errors.area}
        allowDeselect={false}
      />
      <Textarea
        label="Beschreibung"
        required
        autosize
        minRows={2}
        value={form.values.description}
        onChange={(e) => form.set('description', e.currentTarget.value)}
        error={form.errors.description}
      />
      <Select
        label="Dient dem Ziel"
        description={
          goals.length === 0 ? 'Handlungsziele werden unter „Wille und Ziele“ erfasst.' : 'Optional.'
        }
        data={[
          { value: NO_GOAL, label: 'Keinem bestimmten Ziel' },
          ...goals.map((g, i) => ({ value: g.id, label: `Handlungsziel ${i + 1}: ${g.text}` })),
        ]}
        value={form.values.goalId ?? NO_GOAL}
        onChange={(value) => form.set('goalId', value === NO_GOAL ? null : value)}
        error={form.errors.goalId}
        allowDeselect={false}
      />
      {mayReadAtlas && (
        <AtlasPicker
          value={form.values.entry}
          onChange={(entry) => form.set('entry', entry)}
          error={form.errors.directoryEntryId}
        />
      )}
    </SectionForm>
  );
}
