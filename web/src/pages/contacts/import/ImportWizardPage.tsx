import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { FormError, LoadState } from '../../../components/Feedback.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { ImportView } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { sectionPath } from '../../../sections.ts';
import { useTenants } from '../../../tenants.tsx';
import type { TenantView } from '../../../types.ts';
import { CheckReport } from './CheckReport.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportSteps, type WizardStep } from './ImportSteps.tsx';
import { MappingStep } from './MappingStep.tsx';
import { UploadStep } from './UploadStep.tsx';
import { useImport } from './useImport.ts';
import '../contacts.css';

/** `/t/:tenantId/contacts/import[/:importId]`: upload → mapping → dry run report → confirm → done. */
export function ImportWizardPage() {
  const { t } = useI18n();
  const { current } = useTenants();
  const { importId } = useParams();
  const navigate = useNavigate();
  if (!current) return null;
  const contactsPath = sectionPath('contacts', current.id);
  return (
    <>
      <PageHeader title={t('import.title')} />
      <p>
        <Link to={contactsPath}>← {t('contacts.backToList')}</Link>
      </p>
      {importId ? (
        <ImportRun key={importId} tenant={current} importId={importId} contactsPath={contactsPath} />
      ) : (
        <>
          <ImportSteps current="upload" />
          <UploadStep tenantId={current.id} onUploaded={(view) => navigate(`${contactsPath}/import/${encodeURIComponent(view.id)}`, { replace: true })} />
        </>
      )}
    </>
  );
}

function stepOf(view: ImportView, remapping: boolean): WizardStep {
  if (view.status === 'uploaded' || remapping) return 'mapping';
  if (view.status === 'checking' || view.status === 'checked') return 'check';
  return 'import';
}

function ImportRun({ tenant, importId, contactsPath }: { tenant: TenantView; importId: string; contactsPath: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const imp = useImport(tenant.id, importId);
  const [remapping, setRemapping] = useState(false);
  const confirm = useAction(() => api.confirmContactImport(tenant.id, importId));
  const discard = useAction(async () => {
    await api.discardContactImport(tenant.id, importId);
    return true;
  });

  if (!imp.data) return <LoadState loading={imp.loading} error={imp.error} reload={imp.reload} />;
  const view = imp.data;
  const startOver = () => navigate(`${contactsPath}/import`);
  const discardButton = (
    <ConfirmButton
      label={t('import.discard')}
      action={t('import.discardAction')}
      question={t('import.confirmDiscard')}
      onConfirm={async () => {
        if (await discard.run()) startOver();
      }}
    />
  );

  return (
    <>
      <ImportSteps current={stepOf(view, remapping)} />
      <p className="muted small">{t('import.fileLine', { file: view.fileName, format: view.format.toUpperCase() })}</p>
      <FormError error={confirm.error ?? discard.error} />

      {(view.status === 'uploaded' || (remapping && (view.status === 'checked' || view.status === 'failed'))) && (
        <MappingStep
          tenant={tenant}
          view={view}
          onChecking={(next) => {
            setRemapping(false);
            imp.replace(next);
          }}
          onCancel={remapping ? () => setRemapping(false) : undefined}
        />
      )}

      {view.status === 'checking' && <Progress text={t('import.checking')} />}

      {view.status === 'checked' && !remapping && view.summary && (
        <>
          <CheckReport summary={view.summary} />
          <div className="form-actions wizard-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={confirm.pending || view.summary.counts.valid === 0 || !view.summary.finished}
              onClick={async () => {
                const next = await confirm.run();
                if (next) imp.replace(next);
              }}
            >
              {t('import.confirm', { count: view.summary.counts.valid })}
            </button>
            <button type="button" className="btn" onClick={() => setRemapping(true)}>
              {t('import.changeMapping')}
            </button>
            {discardButton}
          </div>
        </>
      )}

      {view.status === 'importing' && (
        <Progress text={`${t('import.importing')} ${t('import.processed', { count: view.inserted + view.updated + view.unchanged })}`} />
      )}
      {view.status === 'done' && <ImportOutcome view={view} contactsPath={contactsPath} />}

      {(view.status === 'discarded' || (view.status === 'failed' && !remapping)) && (
        <div className="card">
          <p className={view.status === 'failed' ? 'alert alert-error' : 'alert alert-info'} role="alert">
            {view.status === 'failed' ? t('import.failed', { error: view.error ?? '' }) : t('import.discarded')}
          </p>
          <div className="form-actions">
            {view.status === 'failed' && view.headers.length > 0 && (
              <button type="button" className="btn" onClick={() => setRemapping(true)}>
                {t('import.changeMapping')}
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={startOver}>
              {t('import.startOver')}
            </button>
          </div>
        </div>
      )}
      {view.status === 'uploaded' && <div className="wizard-actions">{discardButton}</div>}
    </>
  );
}

function Progress({ text }: { text: string }) {
  return (
    <div className="card progress-card" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
