import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/Feedback.tsx';
import type { ImportView } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Browsers name CSV files inconsistently (text/csv, application/vnd.ms-excel, nothing): go by the extension. */
function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX;
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'text/csv';
  return 'application/octet-stream';
}

/** Step 1: choose a CSV or XLSX file; it is sent as it is and read by the server as a stream. */
export function UploadStep({ tenantId, onUploaded }: { tenantId: string; onUploaded: (view: ImportView) => void }) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction((chosen: File) => api.uploadContactImport(tenantId, chosen, contentTypeOf(chosen)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const view = await upload.run(file);
    if (view) onUploaded(view);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">{t('import.uploadTitle')}</h2>
      <p className="muted">{t('import.uploadIntro')}</p>
      <FormError error={upload.error} />
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {file && <p className="field-hint">{t('import.fileChosen', { name: file.name, size: formatNumber(Math.ceil(file.size / 1024)) })}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!file || upload.pending}>
          {upload.pending ? t('import.uploading') : t('import.upload')}
        </button>
      </div>
    </form>
  );
}
