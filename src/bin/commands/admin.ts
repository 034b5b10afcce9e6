import type { Command } from 'commander';
import { createOwner } from '../../app/setup/firstAdmin.ts';
import { PASSWORD_MIN_LENGTH } from '../../domain/passwordPolicy.ts';
import { loadConfig } from '../../config/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { createLogger } from '../../http/logger.ts';
import { migrateDatabase } from '../../store/migrate.ts';
import { openRuntime } from '../runtime.ts';

export function registerAdminCommands(program: Command) {
  program
    .command('migrate')
    .description('Apply database migrations and exit (safe to run from several processes at once)')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.logLevel);
      const runtime = await openRuntime(config, log, { migrate: false });
      try {
        await migrateDatabase(runtime.database.url);
        process.stdout.write('Migrations applied.\n');
      } finally {
        await runtime.close();
      }
    });

  program
    .command('create-admin')
    .description('Create an owner account')
    .requiredOption('--email <email>', 'email address to sign in with')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password <password>', `at least ${PASSWORD_MIN_LENGTH} characters (visible in shell history; prefer --password-stdin)`)
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; name: string; password?: string; passwordStdin?: boolean }, cmd: Command) => {
      const password = opts.passwordStdin ? (await readStdin()).trim() : opts.password;
      if (!password || password.length < PASSWORD_MIN_LENGTH) cmd.error(`error: the password must be at least ${PASSWORD_MIN_LENGTH} characters`, { exitCode: 2 });
      if (!/^[^@\s]+@[^@\s]+$/.test(opts.email)) cmd.error('error: --email is not an email address', { exitCode: 2 });
      const config = loadConfig();
      const runtime = await openRuntime(config, createLogger('warn'));
      try {
        const user = await runtime.ctx.db.transaction((tx) => createOwner(tx, { email: opts.email, name: opts.name, password }, null));
        process.stdout.write(`Owner ${user.email} created.\n`);
      } catch (err) {
        if (err instanceof DomainError) cmd.error(`error: ${err.message}`, { exitCode: 2 });
        throw err;
      } finally {
        await runtime.close();
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
