// `/t/:tenantId/analytics/lexicon`: the organisation's topic lexicon — per topic, its
// Russian and English terms — with its version, the background re-analysis a save
// starts, and what the classifier has learnt from analysts' corrections.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError, LoadState, Notice } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { forgetCachedLexicon, lexiconApi, type LexiconView } from './lexiconApi.ts';
import { bodyFrom, errorsByTopic, formatTerms, formFrom, newTopic, TOPIC_ID, type LexiconForm, type TopicForm } from './lexiconForm.ts';
import './lexicon.css';

/** While analyses are being redone, look again this often. */
const REANALYSIS_POLL_MS = 5000;

export function LexiconPage() {
  const { current } = useTenants();
  return current ? <LexiconScreen key={current.id} tenant={current} /> : null;
}

function LexiconScreen({ tenant }: { tenant: TenantView }) {
  const { t } = useI18n();
  const user = useUser();
  const canManage = hasTenantPermission(user, tenant.id, 'surveys.manage');
  const lexicon = useLoad(() => lexiconApi.get(tenant.id), [tenant.id]);
  const inProgress = lexicon.data?.reanalysis.inProgress ?? false;
  const { reload } = lexicon;

  useEffect(() => {
    if (!inProgress) return;
    const timer = setInterval(reload, REANALYSIS_POLL_MS);
    return () => clearInterval(timer);
  }, [inProgress, reload]);

  // Kept here, not in the editor: a save remounts the editor (new version), the message must outlive it.
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (view: LexiconView, message: string) => {
    forgetCachedLexicon(tenant.id);
    lexicon.setData(() => view);
    setNotice(message);
  };

  return (
    <>
      <PageHeader title={t('lexicon.title')}>
        <Link className="btn" to={sectionPath('analytics', tenant.id)}>
          {t('lexicon.back')}
        </Link>
      </PageHeader>
      <p className="muted">{t('lexicon.intro')}</p>
      {!lexicon.data && <LoadState loading={lexicon.loading} error={lexicon.error} reload={lexicon.reload} />}
      {lexicon.data && (
        <>
          <LexiconStatus view={lexicon.data} />
          {canManage ? (
            <LexiconEditor key={lexicon.data.version} tenantId={tenant.id} view={lexicon.data} onSaved={saved} onEdit={() => setNotice(null)} />
          ) : (
            <LexiconReadOnly view={lexicon.data} />
          )}
          <Notice>{notice}</Notice>
        </>
      )}
    </>
  );
}

function LexiconStatus({ view }: { view: LexiconView }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const c = view.classifier;
  return (
    <section className="card" aria-labelledby="lexicon-status">
      <h2 id="lexicon-status">{t('lexicon.statusTitle')}</h2>
      <p>
        {t('lexicon.version', { version: view.version })} · {view.starter ? t('lexicon.starter') : t('lexicon.edited', { when: formatDateTime(view.updatedAt) })}
      </p>
      <p role="status" className={view.reanalysis.inProgress ? 'alert alert-info' : 'muted'}>
        {view.reanalysis.inProgress ? t('lexicon.reanalysing', { count: formatNumber(view.reanalysis.pending) }) : t('lexicon.upToDate')}
      </p>
      <p className="muted small">
        {c.examples === 0
          ? t('lexicon.classifierNone', { min: c.minTopicExamples })
          : t('lexicon.classifier', { examples: formatNumber(c.examples), when: formatDateTime(c.trainedAt), min: c.minTopicExamples })}{' '}
        {c.activeTopics.length > 0 && t('lexicon.classifierTopics', { topics: c.activeTopics.join(', ') })}{' '}
        {c.sentimentActive && t('lexicon.classifierSentiment')}
      </p>
    </section>
  );
}

function LexiconReadOnly({ view }: { view: LexiconView }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="alert alert-info">{t('lexicon.readOnly')}</p>
      {view.taxonomy.topics.map((topic) => (
        <section key={topic.id} className="card" aria-label={topic.label[lang]}>
          <h2>
            {topic.label[lang]} <code className="muted small">{topic.id}</code>
          </h2>
          <p>
            <strong>{t('lexicon.termsRu')}:</strong> {formatTerms(topic.entries, 'ru') || t('common.none')}
          </p>
          <p>
            <strong>{t('lexicon.termsEn')}:</strong> {formatTerms(topic.entries, 'en') || t('common.none')}
          </p>
        </section>
      ))}
    </>
  );
}

function LexiconEditor({ tenantId, view, onSaved, onEdit }: { tenantId: string; view: LexiconView; onSaved: (view: LexiconView, message: string) => void; onEdit: () => void }) {
  const { t } = useI18n();
  const [form, setFormState] = useState<LexiconForm>(() => formFrom(view.taxonomy));
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const setForm = (next: LexiconForm) => {
    setFormState(next);
    onEdit();
  };

  const setTopic = (index: number, patch: Partial<TopicForm>) => setForm({ ...form, topics: form.topics.map((x, i) => (i === index ? { ...x, ...patch } : x)) });
  const removeTopic = (index: number) => setForm({ ...form, topics: form.topics.filter((_, i) => i !== index) });

  const write = async (call: () => Promise<LexiconView>, done: string) => {
    setPending(true);
    setError(null);
    try {
      onSaved(await call(), done);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write(() => lexiconApi.put(tenantId, bodyFrom(form)), t('lexicon.saved'));
  };

  const { byTopic, general } = errorsByTopic(form, error instanceof ApiError ? error.errors : []);
  const placed = error instanceof ApiError ? error.errors.filter((e) => !general.includes(e)).map((e) => e.path) : [];

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted small">{t('lexicon.syntax')}</p>
      {form.topics.map((topic, i) => (
        <TopicCard
          key={topic.key}
          topic={topic}
          fallback={topic.id === form.fallbackTopic}
          errors={byTopic.get(i) ?? []}
          onChange={(patch) => setTopic(i, patch)}
          onRemove={() => removeTopic(i)}
        />
      ))}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setForm({ ...form, topics: [...form.topics, newTopic()] })}>
          {t('lexicon.addTopic')}
        </button>
      </div>
      <FormError error={error} fields={placed} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('common.saving') : t('lexicon.save')}
        </button>
        {!view.starter && (
          <ConfirmButton
            label={t('lexicon.reset')}
            action={t('lexicon.resetAction')}
            question={t('lexicon.resetQuestion')}
            onConfirm={() => write(() => lexiconApi.reset(tenantId), t('lexicon.resetDone'))}
          />
        )}
      </div>
    </form>
  );
}

function TopicCard({ topic, fallback, errors, onChange, onRemove }: {
  topic: TopicForm;
  fallback: boolean;
  errors: string[];
  onChange: (patch: Partial<TopicForm>) => void;
  onRemove: () => void;
}) {
  const { t, lang } = useI18n();
  const idProblem = !topic.saved && topic.id !== '' && !TOPIC_ID.test(topic.id) ? t('lexicon.idRule') : undefined;
  const title = (lang === 'ru' ? topic.labelRu : topic.labelEn) || topic.id || t('lexicon.newTopic');
  return (
    <section className="card lexicon-topic" aria-label={title}>
      <div className="card-header">
        <h2>
          {title} {topic.saved && <code className="muted small">{topic.id}</code>}
        </h2>
        {!fallback && (
          <button type="button" className="btn btn-small btn-danger-outline" onClick={onRemove}>
            {t('lexicon.removeTopic')}
          </button>
        )}
      </div>
      {fallback && <p className="muted small">{t('lexicon.fallbackHint')}</p>}
      <div className="form-grid">
        {!topic.saved && <TextField label={t('lexicon.topicId')} hint={t('lexicon.idRule')} error={idProblem} value={topic.id} onChange={(e) => onChange({ id: e.target.value })} required />}
        <TextField label={t('lexicon.labelRu')} value={topic.labelRu} onChange={(e) => onChange({ labelRu: e.target.value })} required />
        <TextField label={t('lexicon.labelEn')} value={topic.labelEn} onChange={(e) => onChange({ labelEn: e.target.value })} required />
        {!fallback && <TermsField label={t('lexicon.termsRu')} lang="ru" value={topic.ru} onChange={(ru) => onChange({ ru })} />}
        {!fallback && <TermsField label={t('lexicon.termsEn')} lang="en" value={topic.en} onChange={(en) => onChange({ en })} />}
      </div>
      {errors.length > 0 && (
        <ul role="alert" className="field-error">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TermsField({ label, lang, value, onChange }: { label: string; lang: 'ru' | 'en'; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field lexicon-terms">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} lang={lang} rows={4} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
    </div>
  );
}
