import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The SPA loads only its own scripts and styles; nothing from elsewhere, no framing. */
export const SPA_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built admin SPA. Unknown non-API paths get index.html so client-side
 * routes (/login, /t/…/tokens) survive a reload. Hashed assets are cached for a year.
 */
export async function registerWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  if (!existsSync(`${dist}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root: dist,
    // Only reply.sendFile: our own public routes below decide what is served.
    serve: false,
    index: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('content-security-policy', SPA_CSP);
    },
  });
  app.get('/assets/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
    return reply.sendFile(`assets/${(req.params as { '*': string })['*']}`);
  });
  return true;
}
