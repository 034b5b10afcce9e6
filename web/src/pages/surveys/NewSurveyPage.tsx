import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { localize } from '../../../../src/domain/surveys/localizedText.ts';
import { fieldErrors } from '../../api.ts';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { sectionPath } from '../../sections.ts';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { BLANK, TemplatePicker } from './TemplatePicker.tsx';
import './surveys.css';

/** `/t/:tenantId/surveys/new`: pick a template, name the survey, go to the editor. */
export function NewSurveyPage() {
  const { current } = useTenants();
  return current ? <NewSurvey key={current.id} tenant={current} /> : null;
}

function NewSurvey({ tenant }: { tenant: TenantView }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const templates = useLoad(() => api.listSurveyTemplates(), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const create = useAction(() => api.createSurvey(tenant.id, chosen ? { name, templateId: chosen } : { name }));
  const errors = fieldErrors(create.error);
  const base = sectionPath('surveys', tenant.id);

  const choose = (templateId: string) => {
    setChosen(templateId);
    const template = templates.data?.items.find((item) => item.id === templateId);
    setName(template ? (localize(template.name, lang, 'en') ?? '') : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const survey = await create.run();
    if (survey) navigate(`${base}/${encodeURIComponent(survey.id)}`);
  };

  return (
    <>
      <PageHeader title={t('surveys.newTitle')} />
      <p>
        <Link to={base}>← {t('surveys.backToList')}</Link>
      </p>
      {!templates.data && <LoadState loading={templates.loading} error={templates.error} reload={templates.reload} />}
      {templates.data && (
        <form className="form" onSubmit={submit}>
          <TemplatePicker templates={templates.data.items} chosen={chosen} onChoose={choose} />
          {chosen !== null && (
            <section className="card" aria-labelledby="new-survey-name">
              <h2 id="new-survey-name">{t('surveys.nameStep')}</h2>
              <div className="form">
                <FormError error={create.error} fields={['name']} />
                <TextField label={t('surveys.name')} required autoFocus maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
                <div className="form-actions">
                  <button type="submit" className="btn btn-primary" disabled={create.pending || name.trim() === ''}>
                    {create.pending ? t('common.creating') : t('surveys.create')}
                  </button>
                  {chosen !== BLANK && <span className="muted small">{t('surveys.fromTemplateHint')}</span>}
                </div>
              </div>
            </section>
          )}
        </form>
      )}
    </>
  );
}
