import { Alert, Table, Text } from '@mantine/core';
import { DataTable } from '../../app/components/DataTable.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useHzeCheck } from '../measures/statisticsQueries.ts';

/** The fields the check names, in the words of the forms where they are recorded. */
const fieldLabels: Record<string, string> = {
  office: 'Kennung des Jugendamts',
  helpType: 'Hilfeart',
  birthDate: 'Geburtsdatum',
  familyStatistics: 'Statistik der Familie',
  statistics: 'Statistikangaben der Hilfe',
  subType: 'Unterart der Hilfe',
  placeOfHelp: 'Ort der Hilfe',
  hoursPerWeek: 'Stunden pro Woche',
  furtherGrounds: 'Weitere Gründe',
  endReason: 'Grund der Beendigung',
  residenceAfter: 'Aufenthalt nach dem Ende',
};

/** The plausibility check of a year: every record the statistical office would reject, and why. */
export function HzeCheckSection({ year }: { year: number }) {
  const check = useHzeCheck(year);
  if (check.isPending) return <Loading />;
  if (check.isError) return <ErrorAlert error={check.error} title="Prüfung fehlgeschlagen" />;
  const { records, problems } = check.data;
  if (problems.length === 0)
    return (
      <Alert color="green" title="Keine Beanstandungen" role="status">
        {records} {records === 1 ? 'Datensatz' : 'Datensätze'} für {year}: alle vollständig und plausibel.
      </Alert>
    );
  return (
    <>
      <Text role="status">
        {records} {records === 1 ? 'Datensatz' : 'Datensätze'} für {year}; {problems.length}{' '}
        {problems.length === 1 ? 'Beanstandung' : 'Beanstandungen'}. Bitte in den Fällen ergänzen (Hilfen:
        „Statistik“ bzw. „Statistik der Familie“) und erneut prüfen.
      </Text>
      <DataTable caption="Datensätze, die abgelehnt würden" headers={['Fall', 'Feld', 'Grund']}>
        {problems.map((p) => (
          <Table.Tr key={`${p.measureId ?? 'office'}-${p.field}`}>
            <Table.Td>{p.caseNumber || '–'}</Table.Td>
            <Table.Td>{fieldLabels[p.field] ?? p.field}</Table.Td>
            <Table.Td>{p.reason}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
