import { createTheme, Modal, MultiSelect, Notification, ScrollArea, Select } from '@mantine/core';

const comboboxDefaults = {
  // A dropdown that opens by itself on focus surprises keyboard and screen-reader users; it opens on
  // click, Enter, Space or the arrow keys instead. Rendering it in place keeps it inside the page's landmarks.
  openOnFocus: false,
  comboboxProps: { withinPortal: false },
  // The listbox itself scrolls (see app.css): a scrolling wrapper inside it would be a scrollable region
  // without keyboard access, as the options are reached with the arrow keys from the input.
  withScrollArea: false,
  nothingFoundMessage: 'Nichts gefunden',
};

/** Shade 8 of blue keeps white button text and links above the WCAG AA contrast ratio of 4.5:1. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Select: Select.extend({ defaultProps: comboboxDefaults }),
    MultiSelect: MultiSelect.extend({ defaultProps: comboboxDefaults }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Schließen' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Meldung schließen' } },
    }),
    // Any region that scrolls must be reachable by keyboard (WCAG 2.1.1): its viewport takes focus.
    ScrollArea: ScrollArea.extend({ defaultProps: { viewportProps: { tabIndex: 0 } } }),
    ScrollAreaAutosize: ScrollArea.Autosize.extend({ defaultProps: { viewportProps: { tabIndex: 0 } } }),
    // The modal's header is a <header> element, which outside a sectioning element counts as a second banner.
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});
