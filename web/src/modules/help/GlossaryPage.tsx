import { Anchor, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useState } from 'react';
import { glossary } from './glossary.ts';
import { glossaryByLetter, matchesGlossary } from './glossarySearch.ts';
import { HelpText } from './HelpText.tsx';
import { helpTopicTitle } from './topics.ts';
import { useHashTarget } from './useHashTarget.ts';

/** The glossary: every term alphabetically, one anchor each (/hilfe/glossar#<id>), with a filter. */
export function GlossaryPage() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const found = glossary.filter((e) => matchesGlossary(e, deferred));
  useHashTarget(true);

  return (
    <Stack gap="lg">
      <Text maw={760}>
        Die Begriffe der ressourcen- und sozialraumorientierten Fallarbeit und des Systems, kurz erklärt.
        Jeder Begriff verweist auf die Hilfe, die ihn im Zusammenhang zeigt.
      </Text>
      <TextInput
        type="search"
        label="Begriffe filtern"
        description="Sucht in Begriffen, anderen Bezeichnungen und Erklärungen."
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={420}
      />
      <Text role="status" size="sm">
        {found.length === 0
          ? 'Kein Begriff gefunden.'
          : found.length === glossary.length
            ? `${found.length} Begriffe`
            : `${found.length} von ${glossary.length} Begriffen`}
      </Text>
      {glossaryByLetter(found).map(([letter, entries]) => (
        <section key={letter} aria-labelledby={`buchstabe-${letter}`}>
          <Title order={2} size="h3" id={`buchstabe-${letter}`} mb="sm">
            {letter}
          </Title>
          <Stack gap="md">
            {entries.map((entry) => (
              <article key={entry.id} aria-labelledby={entry.id} className="glossary-entry">
                <Title order={3} size="h4" id={entry.id} tabIndex={-1} className="help-target">
                  {entry.term}
                </Title>
                {entry.also && entry.also.length > 0 && (
                  <Text size="sm" c="gray.8">
                    Auch: {entry.also.join(', ')}
                  </Text>
                )}
                <Text maw={760}>
                  <HelpText source={entry.text} />
                </Text>
                {entry.topic && (
                  <Text size="sm">
                    Mehr dazu:{' '}
                    <Anchor
                      inherit
                      renderRoot={(props) => (
                        <Link to="/hilfe/$thema" params={{ thema: entry.topic ?? 'glossar' }} {...props} />
                      )}
                    >
                      {helpTopicTitle(entry.topic)}
                    </Anchor>
                  </Text>
                )}
              </article>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
