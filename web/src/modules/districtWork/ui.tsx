import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a district-work page, with its action beside the title. */
export function Section({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

/** The needs a record named, or that it named none. */
export function NamedNeeds({ needs }: { needs: readonly { id: string; text: string }[] }) {
  if (needs.length === 0) return <Text c="gray.8">Keine Bedarfe erfasst.</Text>;
  return <Text>{needs.map((n) => n.text).join(' · ')}</Text>;
}
