import { formatNumber, type Need, todayIso } from '@leuchtturm/shared';
import { Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useNeedTrend } from './queries.ts';

/** What the district and age cohort ask for most over the last two years, quarter by quarter. */
export function NeedTrend({ districtId, ageCohort }: { districtId?: string; ageCohort?: Need['ageCohort'] }) {
  const today = todayIso();
  const from = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const trend = useNeedTrend({
    ...(districtId ? { districtId } : {}),
    ...(ageCohort ? { ageCohort } : {}),
    from,
    to: today,
  });
  const quarters = trend.data?.quarters ?? [];
  const needs = trend.data?.needs ?? [];
  const label = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`;
  return (
    <section aria-labelledby="need-trend">
      <Title order={2} size="h3" id="need-trend" mb="xs">
        Meistgenannt im Zeitverlauf
      </Title>
      {trend.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <ErrorAlert error={trend.error} />
      ) : needs.length === 0 ? (
        <Text>In diesem Zeitraum wurden keine Bedarfe genannt.</Text>
      ) : (
        <DataTable
          caption="Nennungen je Quartal, die zehn meistgenannten Bedarfe"
          headers={['Bedarf', 'Stadtteil', ...quarters.map(label), 'Gesamt']}
          minWidth={900}
        >
          {needs.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td maw={320}>{n.text}</Table.Td>
              <Table.Td>{n.district}</Table.Td>
              {n.perQuarter.map((count, i) => (
                <Table.Td key={quarters[i]} ta="right">
                  {formatNumber(count)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{formatNumber(n.total)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
