import {
  idSchema,
  processCancelInputSchema,
  processDefinitionInputSchema,
  processDefinitionKeySchema,
  processDefinitionSchema,
  processInstanceSchema,
  processStartInputSchema,
  processStepUpdateSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { createProcessDefinitionVersion, listProcessDefinitions } from './definitions.ts';
import { cancelProcess, listCaseProcesses, startProcess, updateProcessStep } from './instances.ts';

const tags = ['processes'];
const caseParams = z.object({ id: idSchema });
const noContent = { 204: z.null() };

/** Routes are thin: schema, permission, one service call (definitions.ts, instances.ts). */
export const processRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/process-definitions', {
    config: { permission: 'process:read' },
    schema: {
      tags,
      summary: 'Prozessdefinitionen (Kernprozesse), alle Versionen',
      response: { 200: z.array(processDefinitionSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => listProcessDefinitions(ctx)),
  });
  app.post('/process-definitions/:key/versions', {
    config: { permission: 'process:manage' },
    schema: {
      tags,
      summary: 'Neue Version einer Prozessdefinition',
      params: z.object({ key: processDefinitionKeySchema }),
      body: processDefinitionInputSchema,
      response: { 201: z.object({ id: idSchema, version: z.int() }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await withCtx(request, (ctx) =>
            createProcessDefinitionVersion(ctx, request.params.key, request.body),
          ),
        ),
  });

  app.get('/cases/:id/processes', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Prozesse eines Falls mit ihren Schritten',
      params: caseParams,
      response: { 200: z.array(processInstanceSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => listCaseProcesses(ctx, request.params.id)),
  });
  app.post('/cases/:id/processes', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Prozess im Fall starten',
      params: caseParams,
      body: processStartInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => startProcess(ctx, request.params.id, request.body))),
  });
  app.post('/cases/:id/process-steps/:stepId', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Prozessschritt erledigen oder überspringen',
      params: z.object({ id: idSchema, stepId: idSchema }),
      body: processStepUpdateSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) =>
        updateProcessStep(ctx, request.params.id, request.params.stepId, request.body),
      );
      return reply.status(204).send(null);
    },
  });
  app.post('/cases/:id/processes/:instanceId/cancel', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Prozess abbrechen',
      params: z.object({ id: idSchema, instanceId: idSchema }),
      body: processCancelInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) =>
        cancelProcess(ctx, request.params.id, request.params.instanceId, request.body),
      );
      return reply.status(204).send(null);
    },
  });
};
