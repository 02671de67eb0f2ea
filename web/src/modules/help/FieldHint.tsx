import { Anchor, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { type FieldHintKey, fieldHints } from './hints.ts';

/**
 * The description of a form field whose term is not obvious: a short explanation and links to the glossary. The
 * links open a new tab, so that what the user has typed into the form stays.
 */
export function FieldHint({
  hint,
  before,
  text,
}: {
  hint: FieldHintKey;
  /** Said first, e.g. a rule that holds for this case only. */
  before?: ReactNode;
  /** Replaces the hint's own text, e.g. with a date computed for this record. */
  text?: string;
}) {
  const entry = fieldHints[hint];
  return (
    <>
      {before}
      {before ? ' ' : null}
      {text ?? entry.text} Im Glossar:{' '}
      {entry.terms.map(([id, label], i) => (
        <Fragment key={id}>
          {i > 0 ? ', ' : null}
          <Anchor href={`/hilfe/glossar#${id}`} target="_blank" rel="noopener" inherit underline="always">
            {label}
            <VisuallyHidden> (öffnet in neuem Tab)</VisuallyHidden>
          </Anchor>
        </Fragment>
      ))}
      .
    </>
  );
}
