import { Alert, Button, Stack, Text } from '@mantine/core';

/** A form's general error ("Nicht gespeichert"); on a version conflict with "Neu laden". */
export function FormErrorAlert({
  formError,
  onReload,
}: {
  formError: string | null;
  onReload?: (() => void) | null | undefined;
}) {
  if (!formError) return null;
  return (
    <Alert color="red" role="alert" title="Nicht gespeichert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{formError}</Text>
        {onReload && (
          <Button size="xs" variant="default" onClick={onReload}>
            Neu laden
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
