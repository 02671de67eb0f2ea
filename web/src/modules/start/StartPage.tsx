import { roleLabels } from '@leuchtturm/shared';
import { Badge, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { can, useUser } from '../../app/auth.ts';
import { Page } from '../../app/Page.tsx';
import { Worklist } from './Worklist.tsx';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" fw={600} size="sm" c="gray.8">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function StartPage() {
  const user = useUser();
  return (
    <Page title="Start" heading={`Willkommen, ${user.displayName}`}>
      {/* Case workers start with what is due (docs/worklist.md). */}
      {can(user, 'case:work') && <Worklist />}
      <Card withBorder padding="lg" maw={720} component="section" aria-labelledby="ihr-zugang">
        <Title order={2} size="h3" id="ihr-zugang" mb="md">
          Ihr Zugang
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Fact term="Rollen">
            <Group gap="xs" component="span">
              {user.roles.map((role) => (
                <Badge key={role} variant="light" size="lg" tt="none">
                  {roleLabels[role]}
                </Badge>
              ))}
            </Group>
          </Fact>
          <Fact term="Team">{user.team?.name ?? 'Keinem Team zugeordnet'}</Fact>
          <Fact term="Sozialzentrum">{user.socialCentre?.name ?? 'Keinem Sozialzentrum zugeordnet'}</Fact>
          <Fact term="Jugendamt">{user.tenant.name}</Fact>
        </SimpleGrid>
      </Card>
      {can(user, 'case:work') && (
        <Card withBorder padding="lg" maw={720} component="section" aria-labelledby="familie-bekannt">
          <Title order={2} size="h3" id="familie-bekannt" mb="xs">
            Ist die Familie bekannt?
          </Title>
          <Text mb="md">
            Prüfen Sie im ganzen Jugendamt, ob eine Person schon in einem Fall bekannt ist und wer zuständig
            ist.
          </Text>
          <Button variant="default" component={Link} to="/faelle/bekannt">
            Person prüfen
          </Button>
        </Card>
      )}
    </Page>
  );
}
