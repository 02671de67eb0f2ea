import { Anchor, Container, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Page } from './Page.tsx';

/** For addresses that do not exist; rendered outside the app shell, so it brings its own main landmark. */
export function NotFoundPage() {
  return (
    <Container component="main" size="sm" py="xl">
      <Page title="Seite nicht gefunden">
        <Text>Diese Adresse gibt es in Leuchtturm nicht.</Text>
        <Anchor component={Link} to="/">
          Zur Startseite
        </Anchor>
      </Page>
    </Container>
  );
}

/** Inside the app shell, for pages the signed-in person may not use. */
export function ForbiddenPage() {
  return (
    <Page title="Keine Berechtigung">
      <Text>
        Für diese Seite fehlt Ihnen die Berechtigung. Wenden Sie sich bei Bedarf an die Administration.
      </Text>
      <Anchor component={Link} to="/">
        Zur Startseite
      </Anchor>
    </Page>
  );
}
