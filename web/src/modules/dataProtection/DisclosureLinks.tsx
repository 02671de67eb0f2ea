import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { downloadFile } from '../finance/csv.ts';
import { useDisclosureFile } from './queries.ts';

type Format = 'pdf' | 'json';
const formats: Record<Format, { label: string; fallback: string }> = {
  pdf: { label: 'Auskunft (PDF)', fallback: 'Auskunft.pdf' },
  json: { label: 'JSON', fallback: 'Auskunft.json' },
};

/**
 * The Auskunft about a person (Art. 15 DSGVO, § 83 SGB X) as PDF and as JSON, for who holds `person:disclose`
 * (the server checks it again and audits each one). Both list the parts withheld under § 65 and for third parties.
 * Producing one takes a moment, so it is fetched rather than linked: the button shows the progress, a live region
 * says it in words, a failure is shown in German with a retry (focused), and the file is saved under the name the
 * server gives.
 */
export function DisclosureLinks({ personId, name }: { personId: string; name: string }) {
  const [status, setStatus] = useState('');
  const retryRef = useRef<HTMLButtonElement>(null);
  const pdfRef = useRef<HTMLButtonElement>(null);
  const jsonRef = useRef<HTMLButtonElement>(null);
  // After a download focus returns to its button, once the button is no longer busy (a disabled one takes none).
  const [refocus, setRefocus] = useState<Format | null>(null);
  const produce = useDisclosureFile(personId, {
    onMutate: () => setStatus('Auskunft wird erstellt …'),
    onSuccess: ({ blob, fileName }, format) => {
      downloadFile(fileName ?? formats[format].fallback, blob, blob.type);
      setStatus(`Auskunft über ${name} als ${format === 'pdf' ? 'PDF' : 'JSON'} heruntergeladen.`);
      setRefocus(format);
    },
    onError: () => setStatus(''),
  });
  const failed = produce.isError;
  // The retry is where the user has to act next: focus moves to it when the error appears.
  useEffect(() => {
    if (failed) retryRef.current?.focus();
  }, [failed]);
  const pending = produce.isPending;
  useEffect(() => {
    if (refocus === null || pending) return;
    (refocus === 'pdf' ? pdfRef : jsonRef).current?.focus();
    setRefocus(null);
  }, [refocus, pending]);
  const button = (format: Format) => (
    <Button
      ref={format === 'pdf' ? pdfRef : jsonRef}
      size="compact-sm"
      variant="subtle"
      loading={pending && produce.variables === format}
      disabled={pending && produce.variables !== format}
      onClick={() => produce.mutate(format)}
      // The accessible name starts with the visible text (axe label-content-name-mismatch).
      aria-label={`${formats[format].label}: Auskunft über ${name} herunterladen`}
    >
      {formats[format].label}
    </Button>
  );
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        {button('pdf')}
        {button('json')}
      </Group>
      <Text size="xs" c="dimmed" role="status" aria-live="polite">
        {status}
      </Text>
      {failed && (
        <Alert color="red" title="Die Auskunft konnte nicht erstellt werden" p="xs">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(produce.error)}</Text>
            <Button
              ref={retryRef}
              size="compact-sm"
              variant="default"
              onClick={() => produce.mutate(produce.variables ?? 'pdf')}
            >
              Erneut versuchen
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
