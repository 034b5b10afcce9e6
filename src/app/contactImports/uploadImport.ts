import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { insertContactImport, type ContactImportRow } from '../../store/repos/contactImports.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { fileTooLarge, importFilePath, readImportHeaders, removeImportFile, saveUpload } from './files.ts';

export interface Upload {
  fileName: string;
  /** The Content-Length the client announced, if any: a file known to be too large is refused before a byte is written. */
  declaredBytes: number | null;
  body: Readable;
}

/** Step 1: the file, streamed to disk; its header read for the mapping step. Nothing is checked or imported yet. */
export async function uploadContactImport(ctx: AppContext, actor: Actor, tenantId: string, upload: Upload, meta: RequestMeta): Promise<ContactImportRow> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  const maxBytes = ctx.config.contactImport.maxBytes;
  if (upload.declaredBytes !== null && upload.declaredBytes > maxBytes) throw fileTooLarge(maxBytes);
  const id = randomUUID();
  const file = importFilePath(ctx.config, tenantId, id);
  const { sizeBytes, format } = await saveUpload(upload.body, file, maxBytes);
  try {
    const headers = await readImportHeaders(file, format);
    if (headers === null) throw new DomainError('contacts.empty_file', 'The file is empty: there is no header row');
    return await ctx.db.transaction(async (tx) => {
      const row = await insertContactImport(tx, {
        id,
        tenantId,
        fileName: upload.fileName,
        format,
        sizeBytes,
        headers,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      });
      await recordAudit(tx, actor, meta, { action: 'contacts.import.uploaded', tenantId, targetType: 'contact_import', targetId: id, details: { format, sizeBytes } });
      return row;
    });
  } catch (error) {
    await removeImportFile(ctx.config, tenantId, id);
    throw error;
  }
}
