import { type BudgetOverview, formatMoney, formatNumber, parseMoney } from '@leuchtturm/shared';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.ts';
import { DataTable } from '../../app/components/DataTable.tsx';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { type BudgetColumn, BudgetTable } from './BudgetTable.tsx';
import { thisYear } from './labels.ts';
import { useAccessShare, useAllocate, useBudgetOverview, useSetFrame } from './queries.ts';

type DistrictRow = BudgetOverview['districts'][number];
type ProjectRow = BudgetOverview['projects'][number];

const districtColumns: BudgetColumn<DistrictRow>[] = [
  { header: 'Stadtteil', cell: (r) => r.district.name, file: (r) => r.district.name },
  { header: 'Zugeteilt', cell: (r) => formatMoney(r.allocated), file: (r) => r.allocated, amount: true },
  { header: 'Zugesagt', cell: (r) => formatMoney(r.committed), file: (r) => r.committed, amount: true },
  { header: 'Ausgegeben', cell: (r) => formatMoney(r.spent), file: (r) => r.spent, amount: true },
  { header: 'Frei', cell: (r) => formatMoney(r.remaining), file: (r) => r.remaining, amount: true },
];
const projectColumns: BudgetColumn<ProjectRow>[] = [
  { header: 'Projekt', cell: (r) => r.project.name, file: (r) => r.project.name },
  { header: 'Stadtteil', cell: (r) => r.district.name, file: (r) => r.district.name },
  { header: 'Zugesagt', cell: (r) => formatMoney(r.committed), file: (r) => r.committed, amount: true },
  { header: 'Ausgegeben', cell: (r) => formatMoney(r.spent), file: (r) => r.spent, amount: true },
];

/** The micro-projects' budget of a year: frame, allocation, committed and spent per district and project. */
export function BudgetPage() {
  const search = useSearch({ from: '/app/mikroprojekte/budget' });
  const navigate = useNavigate({ from: '/mikroprojekte/budget' });
  const year = search.year ?? thisYear();
  const budget = useBudgetOverview(year);
  const mayAllocate = useCan('microbudget:manage');
  const share = useAccessShare(true);
  return (
    <Page title={`Budget der Mikroprojekte ${year}`}>
      <NumberInput
        label="Haushaltsjahr"
        value={year}
        min={2000}
        max={2200}
        onChange={(value) => {
          if (typeof value === 'number') void navigate({ search: { year: value }, replace: true });
        }}
        w={160}
      />
      {budget.isPending ? (
        <Loading />
      ) : budget.isError ? (
        <ErrorAlert error={budget.error} />
      ) : (
        <>
          <Text aria-live="polite">
            Jahresrahmen{' '}
            {budget.data.frame === null ? 'noch nicht festgelegt' : formatMoney(budget.data.frame)}, zugeteilt{' '}
            {formatMoney(budget.data.allocated)}, zugesagt {formatMoney(budget.data.committed)}, ausgegeben{' '}
            {formatMoney(budget.data.spent)}.
          </Text>
          {mayAllocate && <AllocationForms year={year} budget={budget.data} />}
          <BudgetTable
            caption={`Budget je Stadtteil ${year}`}
            name={`Budget je Stadtteil ${year}`}
            filename={`mikroprojekte-budget-stadtteile-${year}`}
            columns={districtColumns}
            rows={budget.data.districts}
            rowKey={(r) => r.district.id}
          />
          <BudgetTable
            caption={`Budget je Projekt ${year}`}
            name={`Budget je Projekt ${year}`}
            filename={`mikroprojekte-budget-projekte-${year}`}
            columns={projectColumns}
            rows={budget.data.projects}
            rowKey={(r) => `${r.project.id}-${r.district.id}`}
          />
        </>
      )}
      <Stack gap="xs">
        <Title order={2} size="h3">
          Zugang über das Case Management
        </Title>
        {share.isPending ? (
          <Loading />
        ) : share.isError ? (
          <ErrorAlert error={share.error} />
        ) : share.data.length === 0 ? (
          <Text>Noch keine Zugänge erfasst.</Text>
        ) : (
          <DataTable
            caption="Anteil der Zugänge in Mikroprojekte über das Case Management je Stadtteil und Jahr"
            headers={['Jahr', 'Stadtteil', 'Zugänge', 'davon über CM', 'Anteil']}
          >
            {share.data.map((r) => (
              <Table.Tr key={`${r.year}-${r.district.id}`}>
                <Table.Td>{r.year}</Table.Td>
                <Table.Td>{r.district.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.referrals)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.throughCaseManagement)}</Table.Td>
                <Table.Td ta="right">
                  {r.share === null
                    ? '–'
                    : `${formatNumber(Number(r.share), { decimals: 1, fixed: true })} %`}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </Page>
  );
}

/** Jugendamtsleitung: the year's frame and a district's allocation. */
function AllocationForms({ year, budget }: { year: number; budget: BudgetOverview }) {
  const setFrame = useSetFrame(year);
  const allocate = useAllocate(year);
  const [frame, setFrameText] = useState(budget.frame === null ? '800.000,00' : '');
  const [districtId, setDistrictId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [fieldError, setFieldError] = useState<{ frame?: string; amount?: string }>({});
  return (
    <Group align="flex-end">
      <TextInput
        label="Jahresrahmen (Euro)"
        value={frame}
        onChange={(e) => setFrameText(e.currentTarget.value)}
        error={fieldError.frame ?? (setFrame.isError ? errorMessage(setFrame.error) : undefined)}
        w={200}
      />
      <Button
        variant="default"
        loading={setFrame.isPending}
        onClick={() => {
          const parsed = parseMoney(frame);
          if (parsed.error !== null) return setFieldError({ frame: parsed.error });
          setFieldError({});
          setFrame.mutate({ amount: parsed.value });
        }}
      >
        Rahmen festlegen
      </Button>
      <Select
        label="Stadtteil"
        data={budget.districts.map((d) => ({ value: d.district.id, label: d.district.name }))}
        value={districtId}
        onChange={setDistrictId}
        searchable
        w={220}
      />
      <TextInput
        label="Zuteilung (Euro)"
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={fieldError.amount ?? (allocate.isError ? errorMessage(allocate.error) : undefined)}
        w={200}
      />
      <Button
        variant="default"
        loading={allocate.isPending}
        disabled={!districtId}
        onClick={() => {
          const parsed = parseMoney(amount);
          if (parsed.error !== null || !districtId)
            return setFieldError({ amount: parsed.error ?? undefined });
          setFieldError({});
          allocate.mutate({ districtId, amount: parsed.value });
        }}
      >
        Zuteilen
      </Button>
      {budget.frame === null && (
        <Alert color="blue" role="note">
          Für {year} ist noch kein Rahmen festgelegt (Bremen: 800.000 € im Jahr).
        </Alert>
      )}
    </Group>
  );
}
