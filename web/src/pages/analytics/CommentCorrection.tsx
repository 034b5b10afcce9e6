// A small editor for one comment's topics and sentiment, for analysts: topic chips
// to toggle, a sentiment select, save and undo. The comment list renders it per
// comment (render prop); `onSaved` gets the comment as the server now shows it.
import { useEffect, useState } from 'react';
import { FormError } from '../../components/Feedback.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { SENTIMENTS, type SentimentLabel } from './analyticsTypes.ts';
import { cachedLexicon, lexiconApi, type CorrectableComment, type LexiconTopic } from './lexiconApi.ts';
import './lexicon.css';

export interface CommentCorrectionProps {
  tenantId: string;
  comment: CorrectableComment;
  onSaved: (updated: CorrectableComment) => void;
}

export function CommentCorrection({ tenantId, comment, onSaved }: CommentCorrectionProps) {
  const { t } = useI18n();
  const user = useUser();
  const [open, setOpen] = useState(false);
  if (!hasTenantPermission(user, tenantId, 'comments.correct')) {
    return comment.corrected ? <span className="badge">{t('correction.corrected')}</span> : null;
  }
  return (
    <div className="correction">
      {comment.corrected && <span className="badge">{t('correction.corrected')}</span>}{' '}
      {!open && (
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('correction.open')}
        </button>
      )}
      {open && (
        <CorrectionEditor
          tenantId={tenantId}
          comment={comment}
          onClose={() => setOpen(false)}
          onSaved={(updated) => {
            onSaved(updated);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

function useTopics(tenantId: string): { topics: LexiconTopic[] | null; error: unknown } {
  const [state, setState] = useState<{ topics: LexiconTopic[] | null; error: unknown }>({ topics: null, error: null });
  useEffect(() => {
    let current = true;
    cachedLexicon(tenantId).then(
      (view) => current && setState({ topics: view.taxonomy.topics, error: null }),
      (error: unknown) => current && setState({ topics: null, error }),
    );
    return () => {
      current = false;
    };
  }, [tenantId]);
  return state;
}

function CorrectionEditor({ tenantId, comment, onClose, onSaved }: { tenantId: string; comment: CorrectableComment; onClose: () => void; onSaved: (c: CorrectableComment) => void }) {
  const { t, lang } = useI18n();
  const { topics, error: loadError } = useTopics(tenantId);
  const [chosen, setChosen] = useState<string[]>(comment.topics);
  const [sentiment, setSentiment] = useState<SentimentLabel>(comment.sentiment.label);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const write = async (call: () => Promise<CorrectableComment>) => {
    setPending(true);
    setError(null);
    try {
      onSaved(await call());
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  // Topics the comment has that the lexicon no longer lists still show, so they can be removed.
  const options = [...(topics ?? []).map((x) => ({ id: x.id, name: x.label[lang] })), ...chosen.filter((id) => !topics?.some((x) => x.id === id)).map((id) => ({ id, name: id }))];

  return (
    <div className="correction-editor" role="group" aria-label={t('correction.title')}>
      {loadError ? <FormError error={loadError} /> : null}
      <fieldset className="chips" aria-label={t('correction.topics')}>
        {options.map((o) => (
          <button key={o.id} type="button" className="chip-toggle" aria-pressed={chosen.includes(o.id)} onClick={() => toggle(o.id)}>
            {o.name}
          </button>
        ))}
      </fieldset>
      <label>
        {t('correction.sentiment')}{' '}
        <select value={sentiment} onChange={(e) => setSentiment(e.target.value as SentimentLabel)}>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`correction.sentiment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={pending || !topics} onClick={() => void write(() => lexiconApi.correct(tenantId, comment.id, { topics: chosen, sentiment }))}>
          {pending ? t('common.saving') : t('correction.save')}
        </button>
        {comment.corrected && (
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => void write(() => lexiconApi.uncorrect(tenantId, comment.id))}>
            {t('correction.undo')}
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <p className="muted small">{t('correction.hint')}</p>
    </div>
  );
}
