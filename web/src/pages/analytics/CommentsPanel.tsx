// The comment explorer: topic impact on top, then the comments by search, topic, sentiment and score,
// newest first, a page at a time; the same filters download as CSV or XLSX.
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi, exportLinks, type CommentFilterInput } from './analyticsApi.ts';
import { SENTIMENTS, type CommentView, type TopicsView } from './analyticsTypes.ts';
import { CommentCorrection } from './CommentCorrection.tsx';
import { CommentList } from './CommentList.tsx';
import type { AnalyticsPanelProps } from './filters.ts';
import { PanelBody } from './PanelState.tsx';
import { TopicsTable } from './TopicsTable.tsx';

export interface CommentsPanelProps extends AnalyticsPanelProps {
  /** Controls shown under each comment; by default the corrections editor. */
  renderCommentActions?: ((comment: CommentView) => ReactNode) | undefined;
}

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

export function CommentsPanel({ tenantId, filters, renderCommentActions }: CommentsPanelProps) {
  const { t, lang, formatNumber } = useI18n();
  // Comments as an analyst's correction left them, shown in place of the loaded ones.
  const [corrected, setCorrected] = useState<ReadonlyMap<string, CommentView>>(new Map());
  const actions =
    renderCommentActions ??
    ((c: CommentView) => <CommentCorrection tenantId={tenantId} comment={c} onSaved={(updated) => setCorrected((m) => new Map(m).set(updated.id, updated))} />);
  const [search, setSearch] = useState('');
  const [own, setOwn] = useState<CommentFilterInput>({});
  const scope = [tenantId, filters.from, filters.to, filters.surveyId, filters.dimension, filters.value] as const;
  const topics = useLoad(() => analyticsApi.topics(tenantId, filters), [...scope]);
  const first = useLoad(() => analyticsApi.comments(tenantId, filters, own), [...scope, own.q, own.topic, own.sentiment, own.scoreMin, own.scoreMax]);
  // Pages after the first, appended by "load more"; dropped whenever the first page is reloaded.
  const [more, setMore] = useState<{ base: unknown; items: CommentView[]; nextCursor: string | null }>({ base: null, items: [], nextCursor: null });
  const extra = more.base === first.data ? more : { base: first.data, items: [], nextCursor: first.data?.nextCursor ?? null };
  const loadMore = useAction(async () => {
    if (!extra.nextCursor) return;
    const page = await analyticsApi.comments(tenantId, filters, own, extra.nextCursor);
    setMore({ base: first.data, items: [...extra.items, ...page.items], nextCursor: page.nextCursor });
  });

  const labels = topics.data?.topics;
  const topicName = useCallback(
    (id: string) => {
      const label = labels?.find((x) => x.topic === id)?.label;
      return label ? label[lang] : id.replaceAll('_', ' ');
    },
    [labels, lang],
  );

  const set = (key: keyof CommentFilterInput, value: string) => setOwn((f) => ({ ...f, [key]: value || undefined }));
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    set('q', search);
  };
  const hasOwnFilters = Object.values(own).some(Boolean);
  const scoreError = own.scoreMin && own.scoreMax && Number(own.scoreMin) > Number(own.scoreMax) ? t('analytics.comments.scoreOrder') : undefined;

  return (
    <>
      <section className="card" aria-labelledby="topics-title">
        <h2 id="topics-title">{t('analytics.topics.title')}</h2>
        <p className="muted small">{t('analytics.topics.intro')}</p>
        <PanelBody loaded={topics} isEmpty={(v: TopicsView) => v.total.n === 0}>
          {(v) => <TopicsTable view={v} topicName={topicName} />}
        </PanelBody>
      </section>

      <section className="card" aria-labelledby="comments-title">
        <h2 id="comments-title">{t('analytics.comments.title')}</h2>
        <p className="small">
          <Link to={`/t/${encodeURIComponent(tenantId)}/analytics/lexicon`}>{t('lexicon.title')}</Link>
        </p>
        <form className="comment-filters" role="search" onSubmit={submitSearch}>
          <div className="comment-search">
            <TextField type="search" label={t('analytics.comments.search')} value={search} onChange={(e) => setSearch(e.target.value)} hint={t('analytics.comments.searchHint')} />
            <button type="submit" className="btn">
              {t('analytics.comments.find')}
            </button>
          </div>
          <SelectField label={t('analytics.comments.topic')} value={own.topic ?? ''} onChange={(e) => set('topic', e.target.value)}>
            <option value="">{t('analytics.comments.anyTopic')}</option>
            {labels?.map((x) => (
              <option key={x.topic} value={x.topic}>
                {topicName(x.topic)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('analytics.comments.sentiment')} value={own.sentiment ?? ''} onChange={(e) => set('sentiment', e.target.value)}>
            <option value="">{t('analytics.comments.anySentiment')}</option>
            {SENTIMENTS.map((s) => (
              <option key={s} value={s}>
                {t(`analytics.sentiment.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('analytics.comments.scoreMin')} value={own.scoreMin ?? ''} onChange={(e) => set('scoreMin', e.target.value)} error={scoreError}>
            <option value="">{t('analytics.comments.anyScore')}</option>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('analytics.comments.scoreMax')} value={own.scoreMax ?? ''} onChange={(e) => set('scoreMax', e.target.value)}>
            <option value="">{t('analytics.comments.anyScore')}</option>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        </form>
        <div className="export-group" role="group" aria-label={t('analytics.comments.export')}>
          <span className="export-label">{t('analytics.comments.export')}:</span>
          <a className="btn btn-small" href={exportLinks.comments(tenantId, filters, own, 'csv')} download>
            CSV
          </a>
          <a className="btn btn-small" href={exportLinks.comments(tenantId, filters, own, 'xlsx')} download>
            XLSX
          </a>
        </div>
        <PanelBody loaded={first} isEmpty={(p) => p.items.length === 0 && p.anonymousWithheld === 0 && !hasOwnFilters}>
          {(p) => (
            <>
              {p.items.length === 0 && <p className="muted">{t('analytics.comments.noneMatch')}</p>}
              {p.anonymousWithheld > 0 && (
                <p className="alert alert-info" role="note">
                  {t('analytics.comments.withheld', { n: formatNumber(p.anonymousWithheld) })}
                </p>
              )}
              <CommentList comments={[...p.items, ...extra.items].map((c) => corrected.get(c.id) ?? c)} topicName={topicName} renderCommentActions={actions} />
              <FormError error={loadMore.error} />
              {extra.nextCursor && (
                <button type="button" className="btn load-more" disabled={loadMore.pending} onClick={() => void loadMore.run()}>
                  {loadMore.pending ? t('app.loading') : t('analytics.comments.loadMore')}
                </button>
              )}
            </>
          )}
        </PanelBody>
      </section>
    </>
  );
}
