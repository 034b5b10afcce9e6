import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkContactImport } from '../../../app/contactImports/checkImport.ts';
import { confirmContactImport } from '../../../app/contactImports/confirmImport.ts';
import { discardContactImport } from '../../../app/contactImports/discardImport.ts';
import { ImportCheckOptions } from '../../../app/contactImports/importSettings.ts';
import { getContactImport, listContactImportsFor } from '../../../app/contactImports/readImports.ts';
import { uploadContactImport } from '../../../app/contactImports/uploadImport.ts';
import { ColumnMapping } from '../../../app/contacts/import/index.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, problemSchema, uuid } from '../../schemas.ts';
import { ImportView, presentImport } from './present.ts';

const tenantParams = z.object({ tenantId: uuid });
const params = z.object({ tenantId: uuid, importId: uuid });
const tags = ['contacts'];
/** What a browser or a script sends a contact file as; the bytes decide between CSV and XLSX. */
const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export const contactImportRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  // Its own scope, so the stream-through parser serves this route only and JSON stays the rule elsewhere.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload));
    upload.post(
      '/tenants/:tenantId/contact-imports',
      {
        schema: {
          tags,
          summary: 'Upload a contact file (CSV or XLSX) as the raw request body; it is streamed to disk, nothing is imported yet',
          params: tenantParams,
          querystring: z.object({ fileName: z.string().trim().min(1).max(255).default('contacts.csv') }),
          response: { 201: ImportView, 413: problemSchema, ...errorResponses },
        },
      },
      async (req, reply) => {
        const declared = Number.parseInt(String(req.headers['content-length'] ?? ''), 10);
        const row = await uploadContactImport(
          ctx,
          actorOf(req),
          req.params.tenantId,
          { fileName: req.query.fileName, declaredBytes: Number.isFinite(declared) ? declared : null, body: req.body as Readable },
          requestMeta(req),
        );
        return reply.code(201).send(presentImport(row));
      },
    );
  });

  app.get(
    '/tenants/:tenantId/contact-imports',
    { schema: { tags, summary: 'Contact imports, newest first', params: tenantParams, response: { 200: z.object({ items: z.array(ImportView) }), ...errorResponses } } },
    async (req) => ({ items: (await listContactImportsFor(ctx, actorOf(req), req.params.tenantId)).map(presentImport) }),
  );

  app.get('/tenants/:tenantId/contact-imports/:importId', { schema: { tags, summary: 'One import: its status, summary and problems by line', params, response: { 200: ImportView, ...errorResponses } } }, async (req) =>
    presentImport(await getContactImport(ctx, actorOf(req), req.params.tenantId, req.params.importId)),
  );

  app.post(
    '/tenants/:tenantId/contact-imports/:importId/check',
    {
      schema: {
        tags,
        summary: 'Dry run with a column mapping: problems by line, new vs existing; imports nothing. Poll until status is checked',
        params,
        body: z.strictObject({ mapping: ColumnMapping, options: ImportCheckOptions.strict().default({ updateExisting: true }) }),
        response: { 202: ImportView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(presentImport(await checkContactImport(ctx, actorOf(req), req.params.tenantId, req.params.importId, req.body))),
  );

  app.post(
    '/tenants/:tenantId/contact-imports/:importId/confirm',
    { schema: { tags, summary: 'Import the checked file, as checked. Poll until status is done', params, response: { 202: ImportView, ...errorResponses } } },
    async (req, reply) => reply.code(202).send(presentImport(await confirmContactImport(ctx, actorOf(req), req.params.tenantId, req.params.importId, requestMeta(req)))),
  );

  app.delete(
    '/tenants/:tenantId/contact-imports/:importId',
    { schema: { tags, summary: 'Discard an upload (its file is deleted)', params, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => {
      await discardContactImport(ctx, actorOf(req), req.params.tenantId, req.params.importId);
      return reply.code(204).send(null);
    },
  );
};
