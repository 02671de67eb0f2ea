import { createTheme } from '@mantine/core';

/** Shade 8 of blue keeps white button text and links above the WCAG AA contrast ratio of 4.5:1. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
});
