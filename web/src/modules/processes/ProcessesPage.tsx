import { berlinDateOf, formatDateDe, type ProcessDefinition } from '@leuchtturm/shared';
import { Accordion, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCan } from '../../app/auth.ts';
import { useModalState } from '../../app/components/useModalState.ts';
import { Page } from '../../app/Page.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { DefinitionEditor } from './DefinitionEditor.tsx';
import { ProcessDiagram } from './ProcessDiagram.tsx';
import { useProcessDefinitions } from './queries.ts';

/** The newest version of each definition first, the earlier ones behind it. */
function byKey(definitions: ProcessDefinition[]) {
  const groups = new Map<string, ProcessDefinition[]>();
  for (const d of definitions) groups.set(d.key, [...(groups.get(d.key) ?? []), d]);
  return [...groups.values()].map((versions) => versions.sort((a, b) => b.version - a.version));
}

const usage = (n: number) =>
  n === 0 ? 'noch nicht genutzt' : n === 1 ? 'in einem Fall genutzt' : `in ${n} Fällen genutzt`;

/** Die Kernprozesse as diagrams: what a case runs through, step by step, with deadlines and responsibilities. */
export function ProcessesPage() {
  const definitions = useProcessDefinitions();
  const mayManage = useCan('process:manage');
  const editor = useModalState<ProcessDefinition>();
  return (
    <Page title="Prozesse">
      <Text maw={760}>
        Die Kernprozesse des Jugendamts: Schritte in ihrer Reihenfolge, wer zuständig ist, bis wann, was
        automatisch erledigt wird, wenn der passende Eintrag in der Fallakte gespeichert ist, und welche
        Checklisten und Dokumente dazugehören. Fristen in Arbeitstagen lassen Wochenenden und die Feiertage in
        Bremen aus; Fristen in Stunden zählen die tatsächlich vergangene Zeit. Eine Version bleibt
        unverändert; laufende Prozesse behalten ihre Version.
      </Text>
      <QueryState query={definitions} empty="Es sind keine Prozesse definiert.">
        {(list) => (
          <Stack gap="xl">
            {byKey(list).map(([current, ...earlier]) =>
              current ? (
                <Paper key={current.key} withBorder p="md" radius="md" component="section">
                  <Stack gap="md">
                    <Group gap="sm" justify="space-between">
                      <Group gap="sm">
                        <Title order={2} size="h3">
                          {current.name}
                        </Title>
                        <Badge variant="light">Version {current.version}</Badge>
                        <Text size="sm" c="gray.8">
                          seit {formatDateDe(berlinDateOf(new Date(current.createdAt)))},{' '}
                          {usage(current.instances)}
                        </Text>
                      </Group>
                      {mayManage && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => editor.open(current)}
                          aria-label={`Neue Version: ${current.name}`}
                        >
                          Neue Version
                        </Button>
                      )}
                    </Group>
                    <ProcessDiagram name={current.name} steps={current.steps} />
                    {earlier.length > 0 && (
                      <Accordion variant="contained">
                        {earlier.map((d) => (
                          <Accordion.Item key={d.id} value={d.id}>
                            <Accordion.Control>
                              Frühere Version {d.version} ({usage(d.instances)})
                            </Accordion.Control>
                            <Accordion.Panel>
                              <ProcessDiagram name={`${d.name}, Version ${d.version}`} steps={d.steps} />
                            </Accordion.Panel>
                          </Accordion.Item>
                        ))}
                      </Accordion>
                    )}
                  </Stack>
                </Paper>
              ) : null,
            )}
          </Stack>
        )}
      </QueryState>
      {editor.value && (
        <DefinitionEditor
          key={editor.key}
          definition={editor.value}
          opened={editor.opened}
          onClose={editor.close}
        />
      )}
    </Page>
  );
}
