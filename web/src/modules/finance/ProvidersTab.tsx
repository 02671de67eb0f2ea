import {
  formatDateDe,
  formatMoney,
  type Provider,
  providerKinds,
  rateUnits,
  todayIso,
} from '@leuchtturm/shared';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { rateOn, useProviders } from '../measures/queries.ts';
import { OfferForm, ProviderForm, RateForm } from './ProviderForms.tsx';

export type Offer = Provider['offers'][number];
type Rate = Offer['rates'][number];

const newestFirst = (rates: readonly Rate[]) =>
  [...rates].sort((a, b) => b.validFrom.localeCompare(a.validFrom));

function period(rate: Rate): string {
  return rate.validTo
    ? `${formatDateDe(rate.validFrom)} – ${formatDateDe(rate.validTo)}`
    : `ab ${formatDateDe(rate.validFrom)}`;
}

/** Träger und Sätze: providers, their offers (Leistungsangebote) and each offer's rates over time. */
export function ProvidersTab() {
  const providers = useProviders();
  const providerEditor = useModalState<true>();
  const offerEditor = useModalState<Provider>();
  const rateEditor = useModalState<{ provider: Provider; offer: Offer }>();
  const today = todayIso();

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Text maw={640}>
          Freie und öffentliche Träger mit ihren Leistungsangeboten. Ein Satz gilt ab einem Datum; ein neuer
          Satz beendet den geltenden am Tag davor, frühere Tage behalten ihren Satz.
        </Text>
        <Button onClick={() => providerEditor.open(true)}>Neuer Träger</Button>
      </Group>
      <QueryState query={providers} empty="Es sind noch keine Träger erfasst.">
        {(items) => (
          <Stack gap="lg">
            {items.map((provider) => (
              <Paper
                key={provider.id}
                withBorder
                p="md"
                component="section"
                aria-labelledby={`traeger-${provider.id}`}
              >
                <Stack gap="sm">
                  <Group justify="space-between" align="flex-start">
                    <div>
                      <Title order={2} size="h4" id={`traeger-${provider.id}`}>
                        {provider.name}
                      </Title>
                      <Text size="sm">{providerKinds.labels[provider.kind]}</Text>
                    </div>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => offerEditor.open(provider)}
                      aria-label={`Neues Leistungsangebot für ${provider.name}`}
                    >
                      Neues Leistungsangebot
                    </Button>
                  </Group>
                  {provider.offers.length === 0 ? (
                    <Text c="gray.8">Noch keine Leistungsangebote.</Text>
                  ) : (
                    <DataTable
                      caption={`Leistungsangebote von ${provider.name}`}
                      headers={['Angebot', 'Hilfeart', 'Einheit', 'Geltender Satz', 'Sätze', 'Aktionen']}
                      minWidth={900}
                    >
                      {provider.offers.map((offer) => {
                        const current = rateOn(offer.rates, today);
                        const rates = newestFirst(offer.rates);
                        return (
                          <Table.Tr key={offer.id}>
                            <Table.Td>{offer.name}</Table.Td>
                            <Table.Td>{offer.helpTypeName}</Table.Td>
                            <Table.Td>{rateUnits.labels[offer.unit]}</Table.Td>
                            <Table.Td>
                              {current ? (
                                <>
                                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                                    {formatMoney(current.amount)}
                                  </Text>
                                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                                    {period(current)}
                                  </Text>
                                </>
                              ) : (
                                '–'
                              )}
                            </Table.Td>
                            <Table.Td>
                              <details>
                                <summary style={{ whiteSpace: 'nowrap', cursor: 'pointer' }}>
                                  Satzverlauf ({rates.length} {rates.length === 1 ? 'Satz' : 'Sätze'})
                                </summary>
                                <ul style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem' }}>
                                  {rates.map((r) => (
                                    <li key={r.validFrom} style={{ whiteSpace: 'nowrap' }}>
                                      {period(r)}: {formatMoney(r.amount)}
                                    </li>
                                  ))}
                                </ul>
                              </details>
                            </Table.Td>
                            <Table.Td>
                              <Button
                                size="xs"
                                variant="default"
                                onClick={() => rateEditor.open({ provider, offer })}
                                aria-label={`Neuer Satz ab (${offer.name})`}
                              >
                                Neuer Satz ab
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </DataTable>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      {providerEditor.value !== null && (
        <ProviderForm
          key={providerEditor.key}
          opened={providerEditor.opened}
          onClose={providerEditor.close}
        />
      )}
      {offerEditor.value !== null && (
        <OfferForm
          key={offerEditor.key}
          provider={offerEditor.value}
          opened={offerEditor.opened}
          onClose={offerEditor.close}
        />
      )}
      {rateEditor.value !== null && (
        <RateForm
          key={rateEditor.key}
          offer={rateEditor.value.offer}
          opened={rateEditor.opened}
          onClose={rateEditor.close}
        />
      )}
    </>
  );
}
