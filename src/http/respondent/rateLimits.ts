import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from '../../app/secrets.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * Limits on the public respondent endpoints (pages and JSON API together):
 * per client address, and per link, so neither one busy address nor many
 * addresses on one link can flood the answers. A person answering a survey
 * loads a few pages a minute.
 */
export const PUBLIC_RATE_LIMITS = { perIpPerMinute: 120, perLinkPerMinute: 60, perFeedbackLinkPerMinute: 1_200 } as const;
const MINUTE_MS = 60_000;

/**
 * A personal link (invitation token or response handle) belongs to one
 * person; a feedback link's slug is shared by every visitor of a website or
 * poster, so it gets a budget sized for a busy site rather than for one person.
 */
const linkOf = (req: FastifyRequest): { kind: 'personal' | 'feedback'; value: string } | null => {
  const params = (req.params ?? {}) as Record<string, string | undefined>;
  if (params.token) return { kind: 'personal', value: params.token };
  if (params.slug) return { kind: 'feedback', value: params.slug };
  return null;
};

export type PublicRateLimit = (req: FastifyRequest) => Promise<void>;

/** An onRequest hook for the public routes (made once, shared by pages and API); throws DomainError rate_limited with the wait in seconds. */
export function publicRateLimit(app: FastifyInstance): PublicRateLimit {
  const byIp = app.createRateLimit({ max: PUBLIC_RATE_LIMITS.perIpPerMinute, timeWindow: MINUTE_MS, keyGenerator: (req) => `ip:${req.ip}` });
  const byLink = app.createRateLimit({
    max: PUBLIC_RATE_LIMITS.perLinkPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (req) => `link:${sha256(linkOf(req)?.value ?? '')}`,
  });
  const byFeedbackLink = app.createRateLimit({
    max: PUBLIC_RATE_LIMITS.perFeedbackLinkPerMinute,
    timeWindow: MINUTE_MS,
    keyGenerator: (req) => `feedback:${sha256(linkOf(req)?.value ?? '')}`,
  });
  return async (req: FastifyRequest) => {
    const link = linkOf(req);
    const limiters = link === null ? [byIp] : [byIp, link.kind === 'personal' ? byLink : byFeedbackLink];
    for (const limiter of limiters) {
      const result = await limiter(req);
      if (!result.isAllowed && result.isExceeded) {
        throw new DomainError('rate_limited', 'Too many requests; wait a little and try again', { retryAfterSeconds: Math.max(1, result.ttlInSeconds) });
      }
    }
  };
}
