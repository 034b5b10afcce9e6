import { z } from 'zod';

/**
 * Every setting Voxpop reads from the environment, in one place. The README's
 * configuration table is generated from this list (`npm run docs:config`), so a
 * setting documented here is a setting that exists.
 */
export interface SettingDoc {
  env: string;
  description: string;
  default: string;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  VOXPOP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url().optional(),
  VOXPOP_EMBEDDED_PG_PORT: port.default(54329),
  VOXPOP_DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  VOXPOP_ADMIN_EMAIL: z.email().optional(),
  VOXPOP_ADMIN_PASSWORD: z.string().min(12).optional(),
  VOXPOP_ADMIN_NAME: z.string().min(1).default('Administrator'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VOXPOP_SECURE_COOKIES: bool.optional(),
  VOXPOP_TRUST_PROXY: bool.default(false),
  VOXPOP_SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  VOXPOP_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  VOXPOP_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  VOXPOP_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  VOXPOP_MAIL_FROM: z.string().min(3).default('Voxpop <no-reply@localhost>'),
  // Parsed in loadConfig, whose messages never repeat the value (it carries the password).
  VOXPOP_SMTP_URL: z.string().optional(),
  VOXPOP_WEBHOOKS_ALLOW_PRIVATE: bool.default(false),
  VOXPOP_SMTP_STARTTLS: z.enum(['required', 'if-offered', 'off']).default('required'),
  VOXPOP_SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  VOXPOP_SMTP_MESSAGES_PER_CONNECTION: z.coerce.number().int().min(1).max(100_000).default(100),
  VOXPOP_DKIM_DOMAIN: z.string().regex(/^[A-Za-z0-9.-]+$/, 'a domain name such as example.com').optional(),
  VOXPOP_DKIM_SELECTOR: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a selector such as voxpop').optional(),
  VOXPOP_DKIM_KEY_FILE: z.string().min(1).optional(),
  VOXPOP_SMALL_SAMPLE_MIN: z.coerce.number().int().min(1).max(10_000).default(30),
  VOXPOP_IMPORT_MAX_MB: z.coerce.number().min(0.001).max(10_240).default(512),
  VOXPOP_SECRET_KEY: z.string().min(32).optional(),
  // Parsed in loadConfig (carries the SMSC password).
  VOXPOP_SMPP_URL: z.string().optional(),
  VOXPOP_SMS_GATEWAY_FILE: z.string().min(1).optional(),
  VOXPOP_SMS_FROM: z.string().trim().min(1).max(20).default('Voxpop'),
  VOXPOP_SMS_WINDOW: z.coerce.number().int().min(1).max(1000).default(10),
  VOXPOP_BOUNCE_ADDRESS: z.email().optional(),
  VOXPOP_BOUNCE_SMTP_PORT: port.optional(),
  VOXPOP_BOUNCE_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  VOXPOP_CAMPAIGN_TICK_SECONDS: z.coerce.number().min(0.2).max(3600).default(15),
  VOXPOP_SEND_LEASE_SECONDS: z.coerce.number().min(1).max(86_400).default(600),
  VOXPOP_CLOCK_FILE: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export const settingDocs: SettingDoc[] = [
  { env: 'HOST', default: '127.0.0.1', description: 'Address the web server binds to. Use 0.0.0.0 to accept connections from other machines.' },
  { env: 'PORT', default: '3000', description: 'Port of the web server (admin UI, API, respondent pages).' },
  { env: 'PUBLIC_URL', default: 'http://localhost:PORT', description: 'Address people use to reach Voxpop; used in links sent by email (setup, password reset).' },
  { env: 'VOXPOP_DATA_DIR', default: './data', description: 'Where the embedded database, its password file and the dev mail outbox live.' },
  { env: 'DATABASE_URL', default: '(unset)', description: 'External PostgreSQL 14+ to use instead of the embedded one, e.g. postgres://voxpop@db/voxpop. When set, the embedded database is never loaded.' },
  { env: 'VOXPOP_EMBEDDED_PG_PORT', default: '54329', description: 'Port of the embedded PostgreSQL (listens on 127.0.0.1 only).' },
  { env: 'VOXPOP_DB_POOL_MAX', default: '10', description: 'Connections per process in the database pool.' },
  { env: 'VOXPOP_ADMIN_EMAIL', default: '(unset)', description: 'With VOXPOP_ADMIN_PASSWORD: create this owner at first start instead of printing a one-time setup link.' },
  { env: 'VOXPOP_ADMIN_PASSWORD', default: '(unset)', description: 'Password of the first owner (at least 12 characters). Read once; change it in the UI afterwards.' },
  { env: 'VOXPOP_ADMIN_NAME', default: 'Administrator', description: 'Display name of the first owner created from the environment.' },
  { env: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent. Logs are JSON lines (pino); secrets and phone numbers are redacted.' },
  { env: 'VOXPOP_SECURE_COOKIES', default: 'true when PUBLIC_URL is https', description: 'Mark session cookies Secure (only sent over HTTPS).' },
  { env: 'VOXPOP_TRUST_PROXY', default: 'false', description: 'Trust X-Forwarded-* headers from a reverse proxy (for client IPs in the audit log and rate limits).' },
  { env: 'VOXPOP_SESSION_TTL_HOURS', default: '168', description: 'How long a login session lasts without use.' },
  { env: 'VOXPOP_WORKER_CONCURRENCY', default: '5', description: 'Background jobs run at once per worker process.' },
  { env: 'VOXPOP_LOGIN_MAX_FAILURES', default: '5', description: 'Failed logins in a row before the account is locked for a while.' },
  { env: 'VOXPOP_LOGIN_LOCK_MINUTES', default: '15', description: 'How long a locked account stays locked.' },
  { env: 'VOXPOP_MAIL_FROM', default: 'Voxpop <no-reply@localhost>', description: 'Sender of system emails (password reset, invitations).' },
  { env: 'VOXPOP_SMPP_URL', default: '(unset)', description: 'SMSC to send campaign SMS through, SMPP 3.4 transceiver: smpp://system_id:password@host:2775 (add ?system_type=… if the SMSC wants one). Percent-encode special characters; the password never appears in logs. Unset, SMS are written to VOXPOP_DATA_DIR/outbox/sms instead.' },
  { env: 'VOXPOP_SMS_GATEWAY_FILE', default: '(unset)', description: 'Send SMS through an HTTP gateway instead: a JSON file with the request template, its secrets and, optionally, how to read incoming replies (docs/CAMPAIGNS.md). Ignored when VOXPOP_SMPP_URL is set.' },
  { env: 'VOXPOP_SMS_FROM', default: 'Voxpop', description: 'Sender id of campaign SMS (up to 11 letters, or a number) when an organisation has not set its own.' },
  { env: 'VOXPOP_SMS_WINDOW', default: '10', description: 'SMPP messages awaiting the SMSC’s answer at once (the window agreed with the SMSC).' },
  { env: 'VOXPOP_BOUNCE_ADDRESS', default: '(unset)', description: 'Envelope sender of campaign email, e.g. bounces@mail.example.com. Each message goes out as bounces+<attempt>@…, so a bounce names its message. Route that address to the bounce receiver.' },
  { env: 'VOXPOP_BOUNCE_SMTP_PORT', default: '(unset)', description: 'Port of the bounce receiver (an SMTP listener the worker runs for delivery status notifications addressed to VOXPOP_BOUNCE_ADDRESS). Unset, no receiver runs.' },
  { env: 'VOXPOP_BOUNCE_SMTP_HOST', default: '127.0.0.1', description: 'Address the bounce receiver listens on; point your mail server’s transport for the bounce address here.' },
  { env: 'VOXPOP_CAMPAIGN_TICK_SECONDS', default: '15', description: 'How often the worker looks for campaign messages that have become due (after a delay, or outside contact hours).' },
  { env: 'VOXPOP_SEND_LEASE_SECONDS', default: '600', description: 'A campaign message claimed for sending longer than this, by a worker that has since died, is marked in doubt and never sent again (no duplicates).' },
  { env: 'VOXPOP_CLOCK_FILE', default: '(unset)', description: 'For tests only: a file holding a number of milliseconds added to the clock, so a test can move time forward. Never set it in production.' },
  { env: 'VOXPOP_WEBHOOKS_ALLOW_PRIVATE', default: 'false', description: 'Let webhooks reach private, loopback and link-local addresses (a CRM inside your own network). Off, such deliveries fail, so a tenant cannot probe the installation’s network.' },
  { env: 'VOXPOP_SMTP_URL', default: '(unset)', description: 'Mail relay to send through, e.g. smtp://user:pass@mail.example.com:587 (STARTTLS) or smtps://user:pass@mail.example.com (TLS, port 465). Percent-encode special characters in the user and password; the password never appears in logs. Unset, emails are written to VOXPOP_DATA_DIR/outbox instead.' },
  { env: 'VOXPOP_SMTP_STARTTLS', default: 'required', description: 'For smtp:// URLs: required (refuse a server without STARTTLS), if-offered, or off (a relay on the same host).' },
  { env: 'VOXPOP_SMTP_POOL_SIZE', default: '5', description: 'SMTP connections kept open at once per worker process.' },
  { env: 'VOXPOP_SMTP_MESSAGES_PER_CONNECTION', default: '100', description: 'Messages sent over one SMTP connection before it is replaced by a new one.' },
  { env: 'VOXPOP_DKIM_DOMAIN', default: '(unset)', description: 'With VOXPOP_DKIM_SELECTOR and VOXPOP_DKIM_KEY_FILE: sign outgoing mail with DKIM for this domain (d=).' },
  { env: 'VOXPOP_DKIM_SELECTOR', default: '(unset)', description: 'DKIM selector (s=): the public key is published at SELECTOR._domainkey.DOMAIN.' },
  { env: 'VOXPOP_DKIM_KEY_FILE', default: '(unset)', description: 'Path of the PEM private key for DKIM signing. Read at start-up; its content is never logged.' },
  { env: 'VOXPOP_IMPORT_MAX_MB', default: '512', description: 'Largest contact file (CSV or XLSX) an upload may send, in megabytes. Uploads are streamed to VOXPOP_DATA_DIR/imports and removed once imported or discarded.' },
  { env: 'VOXPOP_SMALL_SAMPLE_MIN', default: '30', description: 'Results with fewer answers than this are flagged as a small sample.' },
  { env: 'VOXPOP_SECRET_KEY', default: '(kept in the database)', description: 'At least 32 characters: signs the links that let a respondent of a public feedback link continue their answer. Unset, Voxpop makes a key on first start and keeps it in its database, shared by every process.' },
  { env: 'NODE_ENV', default: 'development', description: 'development, production or test.' },
];
