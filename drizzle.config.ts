import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate` (drizzle-kit), which diffs the schema
// against the committed migrations; it never connects to a database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema/index.ts',
  out: './src/store/migrations',
});
