/** The whole schema; drizzle-kit reads this file. One file per area. */
export * from './core.ts';
export * from './surveys.ts';
export * from './contacts.ts';
export * from './responses.ts';
export * from './webhooks.ts';
export * from './campaigns.ts';
export * from './analytics.ts';
export * from './comments.ts';
