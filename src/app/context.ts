import type { Logger } from 'pino';
import type { Mailer } from '../channels/email/port.ts';
import type { SmsSender } from '../channels/sms/port.ts';
import type { Config } from '../config/index.ts';
import type { Db } from '../store/db.ts';
import type { Clock } from './clock.ts';

/** What every use case and job handler receives. Built once in src/bin, replaced piecewise in tests. */
export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** Campaign SMS. Only worker processes open one (an SMPP session binds once per process); web processes leave it unset. */
  sms?: SmsSender | undefined;
  log: Logger;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const NO_META: RequestMeta = { ip: null, userAgent: null };
