import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
/** Arbitrary constant shared by every Voxpop process: "schema migration in progress". */
const MIGRATION_LOCK_KEY = 7_746_511_001;

/**
 * Applies our migrations and the job queue's under one advisory lock, so two
 * processes starting together never race; the second waits, then finds nothing to do.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'voxpop-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query('set client_min_messages = warning');
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
      await runWorkerMigrations({ connectionString: url, logger: silentWorkerLogger() });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

export function silentWorkerLogger(): Logger {
  return new Logger(() => () => {});
}
