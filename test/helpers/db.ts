import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

export interface TestDatabase extends Database {
  name: string;
  drop: () => Promise<void>;
}

/** A fresh, migrated database of its own (a copy of the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const name = `voxpop_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject('templateDatabase')}`);
  const url = withDatabase(serverUrl, name);
  const database = openDatabase(url, { poolMax: 5 });
  return {
    ...database,
    name,
    drop: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
