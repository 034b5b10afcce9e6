/** When a failed webhook delivery is tried again. Pure; the random number is given, so tests can pin it. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_BASE_DELAY_MS = 30_000;
export const WEBHOOK_MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * The wait after the `attempts`-th failed try: 30 s × 4^(attempts−1), capped at
 * 6 h (30 s, 2 min, 8 min, 32 min, ~2 h, 6 h, 6 h: a receiver may be down for
 * about 15 hours before the delivery is dead), times a jitter in [0.5, 1) so
 * endpoints that failed together do not all come back in the same second.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const exponential = WEBHOOK_BASE_DELAY_MS * 4 ** Math.max(0, attempts - 1);
  return Math.round(Math.min(exponential, WEBHOOK_MAX_DELAY_MS) * (0.5 + random / 2));
}
