import { type ProcessStepDefinition, processStepDefinitionSchema, z } from '@leuchtturm/shared';

const stepsSchema = z.array(processStepDefinitionSchema);

/**
 * A definition's steps as stored (jsonb, checked by processStepsSchema when written), read through the step
 * schema so that fields added to it later take their defaults on older versions.
 */
export function parseSteps(json: unknown): ProcessStepDefinition[] {
  return stepsSchema.parse(json);
}
