import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../../src/store/migrate.ts';
import { adminQuery, withDatabase } from '../helpers/global-setup.ts';

describe('migrations', () => {
  it('are applied once when several processes start together', async () => {
    const server = inject('pgServerUrl');
    const name = `voxpop_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(server, `create database ${name}`);
    const url = withDatabase(server, name);
    try {
      await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      const tables = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      // Hand-made in the generated 0002 migration (drizzle-kit cannot say UNLOGGED): a regeneration must keep it.
      const staging = await client.query(`select relpersistence from pg_class where relname = 'contact_import_rows'`);
      await client.end();
      expect(staging.rows[0]?.relpersistence).toBe('u');
      const journal = JSON.parse(readFileSync(new URL('../../src/store/migrations/meta/_journal.json', import.meta.url), 'utf8'));
      expect(applied.rows[0].n).toBe(journal.entries.length);
      expect(tables.rows[0].n).toBeGreaterThanOrEqual(7);
      await migrateDatabase(url); // and again later: nothing to do, no error
    } finally {
      await adminQuery(server, `drop database ${name} with (force)`);
    }
  });
});
