import { type CaseDetail, formatNumber } from '@leuchtturm/shared';
import { FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { formatDateTimeDe } from '../../../app/dateTime.ts';
import { useFormState } from '../../../app/form.ts';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { documentUrl, useUploadDocument } from '../caseQueries.ts';
import { DownloadLink, SectionForm, type SectionProps } from './ui.tsx';

/** What the server accepts (documents/service.ts uploadPolicy), with the names users know. */
const types: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'text/plain': 'Text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.oasis.opendocument.text': 'ODT',
};
const extensions: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};
const accept = [...Object.keys(types), ...Object.keys(extensions).map((e) => `.${e}`)].join(',');
const MAX_BYTES = 10 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${formatNumber(kb, { decimals: 0 })} KB`;
  return `${formatNumber(kb / 1024, { decimals: 1 })} MB`;
}

/** Dokumente: uploaded files of the case (scans, letters), at most 10 MB each. */
export function DocumentsSection({ detail, readOnly }: SectionProps) {
  const documents = [...detail.documents].reverse();
  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Dokumente
        </Title>
        <Text size="sm">
          Formulare aus der Fallakte (Falleingang, Hilfeplan, Protokolle) stehen als PDF in den jeweiligen
          Bereichen.
        </Text>
        {documents.length === 0 ? (
          <Text>Noch keine Dateien hochgeladen.</Text>
        ) : (
          <DataTable
            caption="Hochgeladene Dateien, neueste zuerst"
            headers={['Name', 'Typ', 'Größe', 'Hochgeladen am']}
          >
            {documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {d.confided?.withheld ? (
                    <Text span>{d.fileName}</Text>
                  ) : (
                    <DownloadLink href={documentUrl(detail.id, d.id)}>{d.fileName}</DownloadLink>
                  )}
                  {d.confided && (
                    <Text span size="sm" c="gray.8">
                      {' '}
                      (anvertraut nach § 65 SGB VIII)
                    </Text>
                  )}
                  <ConfidedControls
                    detail={detail}
                    itemType="case_document"
                    itemId={d.id}
                    mark={d.confided}
                    what={`Datei ${d.fileName}`}
                    readOnly={readOnly}
                  />
                </Table.Td>
                <Table.Td>{types[d.contentType] ?? d.contentType}</Table.Td>
                <Table.Td>{formatSize(d.size)}</Table.Td>
                <Table.Td>{formatDateTimeDe(d.uploadedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
      {!readOnly && <UploadForm detail={detail} />}
    </>
  );
}

/** The browser's type, or the one the file name suggests (some systems report none for .odt or .docx). */
function fileType(file: File): string | undefined {
  if (types[file.type]) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return extensions[extension];
}

function UploadForm({ detail }: { detail: CaseDetail }) {
  const form = useFormState({ file: null as File | null });
  const upload = useUploadDocument(detail.id);

  function submit() {
    const { file } = form.values;
    const type = file ? fileType(file) : undefined;
    const problem = !file
      ? 'Bitte eine Datei auswählen.'
      : file.size > MAX_BYTES
        ? `Die Datei ist größer als 10 MB (${formatSize(file.size)}).`
        : !type
          ? `Dieser Dateityp ist nicht erlaubt. Erlaubt sind: ${Object.values(types).join(', ')}.`
          : null;
    if (!form.check(problem ? { file: problem } : {}) || !file || !type) return;
    // Sent with its accepted type even when the browser reported none.
    upload.mutate(
      { file, type },
      {
        onSuccess: () => form.reset({ file: null }),
        onError: (error) => form.showServerError(error),
      },
    );
  }

  return (
    <SectionForm
      title="Datei hochladen"
      onSubmit={submit}
      submitting={upload.isPending}
      submitLabel="Hochladen"
      formError={form.formError}
      formRef={form.formRef}
    >
      <FileInput
        label="Datei"
        description="PDF, JPEG, PNG, Text, Word (DOCX) oder ODT, höchstens 10 MB."
        placeholder="Keine Datei ausgewählt"
        required
        accept={accept}
        value={form.values.file}
        onChange={(file) => form.set('file', file)}
        error={form.errors.file}
        maw={480}
        styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
      />
    </SectionForm>
  );
}
