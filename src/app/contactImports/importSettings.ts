/**
 * What a check fixes for its import: the column mapping and the options,
 * stored on the import row so the import runs exactly as checked.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { ContactImportRow } from '../../store/repos/contactImports.ts';
import type { TenantRow } from '../../store/repos/tenants.ts';
import { ColumnMapping, type ImportOptions } from '../contacts/import/index.ts';

export const ImportCheckOptions = z.object({
  /** How numbers without a country code are read; the tenant's region when absent. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Whether rows that match existing contacts change them (true) or leave them as they are (false). */
  updateExisting: z.boolean().default(true),
});
export type ImportCheckOptions = z.output<typeof ImportCheckOptions>;

export interface ImportSettings {
  mapping: z.output<typeof ColumnMapping>;
  options: ImportCheckOptions;
}

/** The settings a checked (or checking) import stored. */
export function storedSettings(row: ContactImportRow): ImportSettings {
  const mapping = ColumnMapping.safeParse(row.mapping);
  const options = ImportCheckOptions.safeParse(row.options ?? {});
  if (!mapping.success || !options.success) throw new DomainError('contacts.import_state', 'The import has not been checked with a column mapping yet');
  return { mapping: mapping.data, options: options.data };
}

export function pipelineOptions(settings: ImportSettings, tenant: Pick<TenantRow, 'defaultRegion' | 'timezone'>): ImportOptions {
  return { defaultRegion: settings.options.defaultRegion ?? tenant.defaultRegion, tenantTimezone: tenant.timezone };
}

/** Staged rows per import transaction: the progress mark moves this far at a time, so a crash redoes at most this many. */
export const IMPORT_BATCH_ROWS = 5_000;
