import { disclosureSchema, idSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { renderForm } from '../documents/pdf.ts';
import { findTenantName } from '../organisation/queries/tenants.ts';
import { disclosureSpec } from './pdf.ts';
import { personDisclosure } from './service.ts';

const tags = ['data protection'];
const disclose = { permission: 'person:disclose' } as const;
const params = z.object({ id: idSchema });

export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/persons/:id/disclosure', {
    config: disclose,
    schema: {
      tags,
      summary: 'Auskunft über eine Person (Art. 15 DSGVO, § 83 SGB X), maschinenlesbar',
      params,
      response: { 200: disclosureSchema },
    },
    handler: async (request, reply) => {
      const disclosure = await withCtx(request, (ctx) => personDisclosure(ctx, request.params.id, 'json'));
      // A download for the person's file (the web app saves it under this name); API clients read it as JSON.
      return reply
        .header('content-disposition', contentDisposition(`Auskunft-${disclosure.person.lastName}.json`))
        .send(disclosure);
    },
  });
  app.get('/persons/:id/disclosure.pdf', {
    config: disclose,
    schema: {
      tags,
      summary: 'Auskunft über eine Person als PDF',
      params,
      response: {
        200: {
          description: 'Die Auskunft als PDF',
          content: {
            'application/pdf': {
              schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' }),
            },
          },
        },
      },
    },
    handler: async (request, reply) => {
      const { bytes, name } = await withCtx(request, async (ctx) => {
        const disclosure = await personDisclosure(ctx, request.params.id, 'pdf');
        const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
        return {
          bytes: await renderForm(disclosureSpec(tenant.name, disclosure)),
          name: `Auskunft-${disclosure.person.lastName}.pdf`,
        };
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(name))
        .send(Buffer.from(bytes));
    },
  });
};
