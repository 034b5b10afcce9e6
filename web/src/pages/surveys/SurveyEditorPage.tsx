import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadState, Notice } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import type { SurveyView } from '../../surveyTypes.ts';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { ChangesBanner } from './editor/ChangesBanner.tsx';
import { LifecycleBar } from './editor/LifecycleBar.tsx';
import { PathsPanel } from './editor/PathsPanel.tsx';
import { ProblemsPanel } from './editor/ProblemsPanel.tsx';
import { QuestionList } from './editor/QuestionList.tsx';
import { SurveyError } from './editor/SurveyError.tsx';
import { SurveyPreview } from './editor/SurveyPreview.tsx';
import { SurveySettings } from './editor/SurveySettings.tsx';
import { SharePanel } from './links/SharePanel.tsx';
import { SurveyStatusBadge } from './SurveyStatusBadge.tsx';
import { useSurveyEditor } from './useSurveyEditor.ts';
import './surveys.css';

/** `/t/:tenantId/surveys/:surveyId`: the survey editor. */
export function SurveyEditorPage() {
  const { current } = useTenants();
  const { surveyId = '' } = useParams();
  const survey = useLoad(() => (current ? api.getSurvey(current.id, surveyId) : Promise.resolve(undefined)), [current?.id, surveyId]);
  if (!current) return null;
  if (!survey.data) return <LoadState loading={survey.loading} error={survey.error} reload={survey.reload} />;
  return <SurveyEditor key={survey.data.id} tenant={current} initial={survey.data} />;
}

function SurveyEditor({ tenant, initial }: { tenant: TenantView; initial: SurveyView }) {
  const { t } = useI18n();
  const user = useUser();
  const readOnly = !hasTenantPermission(user, tenant.id, 'surveys.manage');
  const editor = useSurveyEditor(tenant.id, initial);
  const [previewWidth, setPreviewWidth] = useState<'phone' | 'desktop'>('phone');
  const { saved, draft, validation } = editor;
  const error = editor.save.error ?? editor.act.error;

  return (
    <>
      <PageHeader title={saved.name}>
        <SurveyStatusBadge status={saved.status} />
        {saved.currentVersion !== null && <span className="badge badge-muted">v{saved.currentVersion}</span>}
      </PageHeader>
      <p>
        <Link to={sectionPath('surveys', tenant.id)}>← {t('surveys.backToList')}</Link>
      </p>
      {readOnly ? (
        <p className="alert alert-info">{t('editor.readOnly')}</p>
      ) : (
        <div className="editor-toolbar">
          <LifecycleBar
            status={saved.status}
            launched={saved.currentVersion !== null}
            dirty={editor.dirty}
            hasNewDraft={saved.currentVersion === null || saved.draftDiffersFromCurrent}
            pending={editor.pending}
            onSave={() => void editor.save.run()}
            onAction={(action) => editor.act.run(action)}
          />
          <span className="muted small" role="status">
            {editor.dirty ? t('editor.unsaved') : t('editor.allSaved')}
          </span>
        </div>
      )}
      <SurveyError error={error} definition={draft} />
      {editor.notice && !error && <Notice>{t(`editor.notice.${editor.notice}`)}</Notice>}
      {saved.currentVersion !== null && saved.draftDiffersFromCurrent && <ChangesBanner version={saved.currentVersion} changes={saved.changes} />}
      <SharePanel
        tenantId={tenant.id}
        surveyId={saved.id}
        status={saved.status}
        languages={saved.draft.languages}
        defaultLanguage={saved.draft.defaultLanguage}
        canCreate={hasTenantPermission(user, tenant.id, 'invitations.manage')}
      />

      <div className={previewWidth === 'desktop' ? 'editor-layout wide-preview' : 'editor-layout'}>
        <div className="editor-main">
          <fieldset className="plain-fieldset" disabled={readOnly}>
            <SurveySettings name={editor.name} onName={editor.setName} definition={draft} onChange={editor.edit} />
            <QuestionList definition={draft} problems={validation.problems} readOnly={readOnly} onChange={editor.edit} />
          </fieldset>
        </div>
        <aside className="editor-side" aria-label={t('editor.sidePanel')}>
          <ProblemsPanel definition={draft} problems={validation.problems} />
          <SurveyPreview definition={draft} width={previewWidth} onWidth={setPreviewWidth} />
          <PathsPanel definition={draft} />
        </aside>
      </div>
    </>
  );
}
