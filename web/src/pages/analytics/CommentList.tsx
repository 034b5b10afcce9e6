// Comments as cards: text, language, score, topics, sentiment, and a badge when the words and the score disagree.
// `renderCommentActions` is where another panel (corrections) puts its controls for one comment.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { DIMENSION_KEYS, type CommentView, type DimensionKey } from './analyticsTypes.ts';

export interface CommentListProps {
  comments: CommentView[];
  topicName: (id: string) => string;
  renderCommentActions?: ((comment: CommentView) => ReactNode) | undefined;
}

const scoreGroup = (score: number) => (score <= 6 ? 'detractors' : score <= 8 ? 'passives' : 'promoters');

export function CommentList({ comments, topicName, renderCommentActions }: CommentListProps) {
  const { t, formatDate } = useI18n();
  return (
    <ul className="comment-list">
      {comments.map((c) => (
        <li key={c.id} className="comment">
          <div className="comment-meta">
            {c.npsScore !== null && (
              <span className={`score-pill score-${scoreGroup(c.npsScore)}`} title={t(`analytics.group.${scoreGroup(c.npsScore)}`)}>
                {t('analytics.comments.score', { score: c.npsScore })}
              </span>
            )}
            <span className={`badge sentiment-${c.sentiment.label}`}>{t(`analytics.sentiment.${c.sentiment.label}`)}</span>
            {c.sentiment.disagreement && (
              <span className="badge badge-warn" title={t('analytics.comments.disagreementHint')}>
                ⚠ {t('analytics.comments.disagreement')}
              </span>
            )}
            <span className="muted small">
              {t(`analytics.language.${c.language}`)} · {formatDate(c.completedAt)}
            </span>
          </div>
          <p className="comment-text" lang={c.language === 'other' ? undefined : c.language}>
            {c.text}
          </p>
          {c.topics.length > 0 && (
            <ul className="chips" aria-label={t('analytics.comments.topics')}>
              {c.topics.map((topic) => (
                <li key={topic} className={`chip chip-${c.topicPolarity[topic] ?? 'neutral'}`}>
                  {topicName(topic)}
                  {c.topicPolarity[topic] && c.topicPolarity[topic] !== 'neutral' && <span className="sr-only"> ({t(`analytics.sentiment.${c.topicPolarity[topic]}`)})</span>}
                  {c.topicPolarity[topic] === 'negative' && <span aria-hidden="true"> −</span>}
                  {c.topicPolarity[topic] === 'positive' && <span aria-hidden="true"> +</span>}
                </li>
              ))}
            </ul>
          )}
          {Object.keys(c.attributes).length > 0 && (
            <p className="muted small comment-attrs">
              {Object.entries(c.attributes)
                .map(([k, v]) => `${DIMENSION_KEYS.includes(k as DimensionKey) ? t(`analytics.dimension.${k as DimensionKey}`) : k}: ${v}`)
                .join(' · ')}
            </p>
          )}
          {renderCommentActions?.(c)}
        </li>
      ))}
    </ul>
  );
}
