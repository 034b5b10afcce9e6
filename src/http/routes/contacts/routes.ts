import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { eraseContactFor } from '../../../app/contacts/eraseContact.ts';
import { exportContactFor } from '../../../app/contacts/exportContact.ts';
import { getContactWithHistory, listContactsFor } from '../../../app/contacts/readContacts.ts';
import { updateContactFor } from '../../../app/contacts/updateContact.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { ContactDetailView, ContactExportView, ContactView, presentChange, presentContact, presentExport } from './present.ts';
import { ContactEditBody } from './schema.ts';

const tenantParams = z.object({ tenantId: uuid });
const params = z.object({ tenantId: uuid, contactId: uuid });
const tags = ['contacts'];

export const contactRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts, newest first; search by phone, email, name or external id',
        params: tenantParams,
        querystring: z.object({ search: z.string().max(200).optional(), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(ContactView), nextCursor: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await listContactsFor(ctx, actorOf(req), req.params.tenantId, req.query);
      return { items: page.items.map(presentContact), nextCursor: page.nextCursor };
    },
  );

  app.get('/tenants/:tenantId/contacts/:contactId', { schema: { tags, summary: 'One contact with the history of its changes', params, response: { 200: ContactDetailView, ...errorResponses } } }, async (req) => {
    const { contact, history, doNotContact } = await getContactWithHistory(ctx, actorOf(req), req.params.tenantId, req.params.contactId);
    return { ...presentContact(contact), history: history.map(presentChange), doNotContact };
  });

  app.patch(
    '/tenants/:tenantId/contacts/:contactId',
    { schema: { tags, summary: 'Change a contact (the change is kept in its history)', params, body: ContactEditBody, response: { 200: ContactView, ...errorResponses } } },
    async (req) => presentContact(await updateContactFor(ctx, actorOf(req), req.params.tenantId, req.params.contactId, req.body, requestMeta(req))),
  );

  app.post(
    '/tenants/:tenantId/contacts/:contactId/erase',
    { schema: { tags, summary: 'Erase a person on request (right to be forgotten): personal data removed everywhere, scores kept anonymously', params, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await eraseContactFor(ctx, actorOf(req), req.params.tenantId, req.params.contactId, requestMeta(req));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/tenants/:tenantId/contacts/:contactId/export',
    { schema: { tags, summary: 'Everything held about a person, as JSON (subject access request)', params, response: { 200: ContactExportView, ...errorResponses } } },
    async (req, reply) => {
      const data = await exportContactFor(ctx, actorOf(req), req.params.tenantId, req.params.contactId, requestMeta(req));
      reply.header('content-disposition', `attachment; filename="contact-${req.params.contactId}.json"`);
      return presentExport(data, ctx.clock.now());
    },
  );
};
