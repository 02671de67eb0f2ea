import { Group, List, Stack, Text, Title } from '@mantine/core';
import { ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import type { SectionProps } from './ui.tsx';

/**
 * § 65 SGB VIII on each Handlungsziel (its Handlungsschritte go with it; docs/data-protection.md): the marking and,
 * for whoever saved the sheet last, "Als anvertraut kennzeichnen". Listed are the goals marked or markable only.
 */
export function GoalMarks({ detail, readOnly }: SectionProps) {
  const goals = detail.willAndGoals.actionGoals
    .map((goal, index) => ({ goal, number: index + 1 }))
    .filter(({ goal }) => goal.confided || (!readOnly && detail.confidedMarkable.includes(goal.id)));
  if (goals.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Handlungsziele anvertrauen (§ 65 SGB VIII)
      </Title>
      <List spacing="sm">
        {goals.map(({ goal, number }) => (
          <List.Item key={goal.id}>
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Handlungsziel {number}:
                </Text>
                {goal.confided && <ConfidedBadge withheld={goal.confided.withheld} />}
              </Group>
              <Text size="sm" className="pre-wrap">
                {goal.text}
              </Text>
              <ConfidedControls
                detail={detail}
                itemType="goal"
                itemId={goal.id}
                mark={goal.confided}
                what={`Handlungsziel ${number}`}
                readOnly={readOnly}
              />
            </Stack>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
