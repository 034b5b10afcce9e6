import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where scripts/build-widget.mjs writes the widget and the chat page script. */
export const WIDGET_DIST = fileURLToPath(new URL('../../../web/widget/dist', import.meta.url));
export const EMBED_SCRIPTS = ['widget.js', 'chat.js'] as const;

/**
 * Other sites load /widget.js by a script tag that never changes, so it is
 * cached briefly and revalidated by ETag (an upgrade reaches visitors within
 * minutes), not pinned for a year like the SPA's hashed assets.
 */
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

interface Built {
  mtimeMs: number;
  etag: string;
  body: Buffer;
  gzipped: Buffer;
}

/** Serves the built scripts from memory, gzipped when the browser accepts it; a 404 problem until they are built. */
export const embedAssetRoutes =
  (dist = WIDGET_DIST): FastifyPluginAsync =>
  async (app) => {
    const cache = new Map<string, Built>();
    async function load(name: string): Promise<Built | null> {
      const path = `${dist}/${name}`;
      const info = await stat(path).catch(() => null);
      if (!info) return null;
      const cached = cache.get(name);
      if (cached && cached.mtimeMs === info.mtimeMs) return cached;
      const body = await readFile(path);
      const built = { mtimeMs: info.mtimeMs, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`, body, gzipped: gzipSync(body, { level: 9 }) };
      cache.set(name, built);
      return built;
    }

    async function send(name: string, req: FastifyRequest, reply: FastifyReply) {
      const built = await load(name);
      if (!built) return reply.callNotFound();
      reply
        .header('cache-control', CACHE_CONTROL)
        .header('etag', built.etag)
        .header('vary', 'accept-encoding')
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .type('text/javascript; charset=utf-8');
      if (req.headers['if-none-match'] === built.etag) return reply.code(304).send();
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(built.gzipped);
      return reply.send(built.body);
    }

    for (const name of EMBED_SCRIPTS) {
      app.get(`/${name}`, { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => send(name, req, reply));
    }
  };
