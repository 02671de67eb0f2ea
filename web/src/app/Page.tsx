import { Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';

let firstPage = true;

/**
 * One page: sets the document title, renders the single h1 and, after an in-app navigation, moves focus to it
 * so screen-reader users learn that the page has changed.
 */
export function Page({ title, heading, children }: { title: string; heading?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Leuchtturm`;
  }, [title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <Stack gap="lg">
      <Title order={1} ref={ref} tabIndex={-1} className="page-heading">
        {heading ?? title}
      </Title>
      {children}
    </Stack>
  );
}
