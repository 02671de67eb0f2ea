import { Button, Group } from '@mantine/core';

/** "Bearbeiten" and "Löschen" of one table row; the accessible names say which row. */
export function RowActions({
  name,
  onEdit,
  onDelete,
}: {
  name: string;
  onEdit: () => void;
  onDelete?: () => void;
}) {
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`${name} bearbeiten`}>
        Bearbeiten
      </Button>
      {onDelete && (
        <Button size="xs" variant="outline" color="red.9" onClick={onDelete} aria-label={`${name} löschen`}>
          Löschen
        </Button>
      )}
    </Group>
  );
}
