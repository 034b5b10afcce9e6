import path from 'node:path';

import { envSchema, type Env } from './schema.ts';

export interface Config {
  env: Env['NODE_ENV'];
  http: { host: string; port: number; publicUrl: string; trustProxy: boolean; secureCookies: boolean };
  dataDir: string;
  database: { url: string | undefined; embeddedPort: number; poolMax: number };
  firstAdmin: { email: string; password: string; name: string } | undefined;
  logLevel: Env['LOG_LEVEL'];
  sessionTtlMs: number;
  worker: { concurrency: number };
  login: { maxFailures: number; lockMs: number };
  mail: { from: string; smtp: SmtpSettings | undefined };
  metrics: { smallSampleMin: number };
  webhooks: { allowPrivateAddresses: boolean };
  contactImport: { maxBytes: number };
  /** Signs values handed to the public (feedback-link response handles). */
  secretKey: string;
  sms: { from: string; smpp: SmppSettings | undefined; gatewayFile: string | undefined };
  campaigns: { tickMs: number; sendLeaseMs: number; bounceAddress: string | undefined; bounceReceiver: { host: string; port: number } | undefined };
  /** Tests only: a file whose number (ms) is added to the clock. */
  clockFile: string | undefined;
}

/** The SMSC when VOXPOP_SMPP_URL is set; unset, the dev SMS outbox is used. */
export interface SmppSettings {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string | undefined;
  windowSize: number;
}

/** Where mail goes when VOXPOP_SMTP_URL is set; unset, the dev outbox is used. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** implicit: smtps://; the others: smtp:// with STARTTLS required, used if offered, or never. */
  tls: 'implicit' | 'starttls' | 'opportunistic' | 'none';
  auth: { user: string; pass: string } | undefined;
  maxConnections: number;
  maxMessages: number;
  dkim: { domain: string; selector: string; keyFile: string } | undefined;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once, at start-up. Nothing else reads process.env. */
export function loadConfig(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = source[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.VOXPOP_ADMIN_EMAIL === undefined) !== (e.VOXPOP_ADMIN_PASSWORD === undefined)) {
    problems.push('VOXPOP_ADMIN_EMAIL and VOXPOP_ADMIN_PASSWORD must be set together');
  }
  const smtp = parseSmtp(e, cwd, problems);
  const smpp = parseSmpp(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl,
      trustProxy: e.VOXPOP_TRUST_PROXY,
      secureCookies: e.VOXPOP_SECURE_COOKIES ?? publicUrl.startsWith('https:'),
    },
    dataDir: path.resolve(cwd, e.VOXPOP_DATA_DIR),
    database: { url: e.DATABASE_URL, embeddedPort: e.VOXPOP_EMBEDDED_PG_PORT, poolMax: e.VOXPOP_DB_POOL_MAX },
    firstAdmin:
      e.VOXPOP_ADMIN_EMAIL && e.VOXPOP_ADMIN_PASSWORD
        ? { email: e.VOXPOP_ADMIN_EMAIL, password: e.VOXPOP_ADMIN_PASSWORD, name: e.VOXPOP_ADMIN_NAME }
        : undefined,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.VOXPOP_SESSION_TTL_HOURS * 3_600_000,
    worker: { concurrency: e.VOXPOP_WORKER_CONCURRENCY },
    login: { maxFailures: e.VOXPOP_LOGIN_MAX_FAILURES, lockMs: e.VOXPOP_LOGIN_LOCK_MINUTES * 60_000 },
    mail: { from: e.VOXPOP_MAIL_FROM, smtp },
    webhooks: { allowPrivateAddresses: e.VOXPOP_WEBHOOKS_ALLOW_PRIVATE },
    metrics: { smallSampleMin: e.VOXPOP_SMALL_SAMPLE_MIN },
    contactImport: { maxBytes: Math.round(e.VOXPOP_IMPORT_MAX_MB * 1_048_576) },
    // Empty: the key the installation keeps in its database is used (src/app/signingKey.ts).
    secretKey: e.VOXPOP_SECRET_KEY ?? '',
    sms: { from: e.VOXPOP_SMS_FROM, smpp, gatewayFile: e.VOXPOP_SMS_GATEWAY_FILE === undefined ? undefined : path.resolve(cwd, e.VOXPOP_SMS_GATEWAY_FILE) },
    campaigns: {
      tickMs: Math.round(e.VOXPOP_CAMPAIGN_TICK_SECONDS * 1000),
      sendLeaseMs: Math.round(e.VOXPOP_SEND_LEASE_SECONDS * 1000),
      bounceAddress: e.VOXPOP_BOUNCE_ADDRESS?.toLowerCase(),
      bounceReceiver: e.VOXPOP_BOUNCE_SMTP_PORT === undefined ? undefined : { host: e.VOXPOP_BOUNCE_SMTP_HOST, port: e.VOXPOP_BOUNCE_SMTP_PORT },
    },
    clockFile: e.VOXPOP_CLOCK_FILE === undefined ? undefined : path.resolve(cwd, e.VOXPOP_CLOCK_FILE),
  };
}

/** Problems name the variable but never repeat the URL: it carries the password. */
function parseSmpp(e: Env, problems: string[]): SmppSettings | undefined {
  if (e.VOXPOP_SMPP_URL === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(e.VOXPOP_SMPP_URL);
  } catch {
    problems.push('VOXPOP_SMPP_URL: not a URL (expected smpp://system_id:password@host:2775)');
    return undefined;
  }
  if (url.protocol !== 'smpp:' || !url.hostname || !url.username) {
    problems.push('VOXPOP_SMPP_URL: expected smpp://system_id:password@host:2775');
    return undefined;
  }
  try {
    return {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : 2775,
      systemId: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      systemType: url.searchParams.get('system_type') ?? undefined,
      windowSize: e.VOXPOP_SMS_WINDOW,
    };
  } catch {
    problems.push('VOXPOP_SMPP_URL: the system id or password is not correctly percent-encoded');
    return undefined;
  }
}


const STARTTLS_MODES = { required: 'starttls', 'if-offered': 'opportunistic', off: 'none' } as const;

/** Problems name the variable but never repeat the URL: it carries the password. */
function parseSmtp(e: Env, cwd: string, problems: string[]): SmtpSettings | undefined {
  const dkimParts = [e.VOXPOP_DKIM_DOMAIN, e.VOXPOP_DKIM_SELECTOR, e.VOXPOP_DKIM_KEY_FILE];
  const dkimCount = dkimParts.filter((v) => v !== undefined).length;
  if (dkimCount > 0 && dkimCount < 3) problems.push('VOXPOP_DKIM_DOMAIN, VOXPOP_DKIM_SELECTOR and VOXPOP_DKIM_KEY_FILE must be set together');
  if (e.VOXPOP_SMTP_URL === undefined) {
    if (dkimCount > 0) problems.push('VOXPOP_DKIM_* sign mail sent over SMTP: set VOXPOP_SMTP_URL too');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(e.VOXPOP_SMTP_URL);
  } catch {
    problems.push('VOXPOP_SMTP_URL: not a URL (expected smtp://user:pass@host:587 or smtps://user:pass@host)');
    return undefined;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    problems.push('VOXPOP_SMTP_URL: the scheme must be smtp:// or smtps://');
    return undefined;
  }
  if (!url.hostname) {
    problems.push('VOXPOP_SMTP_URL: no host');
    return undefined;
  }
  const implicit = url.protocol === 'smtps:';
  let auth: SmtpSettings['auth'];
  try {
    auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
  } catch {
    problems.push('VOXPOP_SMTP_URL: the user or password is not correctly percent-encoded');
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : implicit ? 465 : 587,
    tls: implicit ? 'implicit' : STARTTLS_MODES[e.VOXPOP_SMTP_STARTTLS],
    auth,
    maxConnections: e.VOXPOP_SMTP_POOL_SIZE,
    maxMessages: e.VOXPOP_SMTP_MESSAGES_PER_CONNECTION,
    dkim:
      e.VOXPOP_DKIM_DOMAIN && e.VOXPOP_DKIM_SELECTOR && e.VOXPOP_DKIM_KEY_FILE
        ? { domain: e.VOXPOP_DKIM_DOMAIN, selector: e.VOXPOP_DKIM_SELECTOR, keyFile: path.resolve(cwd, e.VOXPOP_DKIM_KEY_FILE) }
        : undefined,
  };
}
