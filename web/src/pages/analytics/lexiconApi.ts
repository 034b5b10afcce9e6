// The tenant lexicon and comment-correction endpoints (issue 6), typed. Mirrors
// src/http/routes/analytics/{lexiconPresent,correctionRoutes}.ts.
import { request } from '../../api.ts';
import type { CommentView, SentimentLabel } from './analyticsTypes.ts';

export interface LexiconEntry {
  term: string;
  lang: 'ru' | 'en';
  polarity?: 'negative' | 'positive';
}

export interface LexiconTopic {
  id: string;
  label: { ru: string; en: string };
  entries: LexiconEntry[];
}

export interface TaxonomyBody {
  topics: LexiconTopic[];
  fallbackTopic: string;
}

export interface LexiconView {
  version: number;
  starter: boolean;
  updatedAt: string | null;
  taxonomy: TaxonomyBody;
  reanalysis: { pending: number; inProgress: boolean };
  classifier: {
    examples: number;
    trainedAt: string | null;
    activeTopics: string[];
    sentimentActive: boolean;
    minTopicExamples: number;
    minSentimentExamples: number;
  };
}

/** An explorer comment; `corrected` is set by servers that know corrections (absent from older views). */
export type CorrectableComment = CommentView;

const base = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}/analytics`;

export const lexiconApi = {
  get: (tenantId: string) => request<LexiconView>('GET', `${base(tenantId)}/lexicon`),
  put: (tenantId: string, body: TaxonomyBody) => request<LexiconView>('PUT', `${base(tenantId)}/lexicon`, body),
  reset: (tenantId: string) => request<LexiconView>('POST', `${base(tenantId)}/lexicon/reset`),
  correct: (tenantId: string, answerId: string, body: { topics: string[]; sentiment: SentimentLabel }) =>
    request<CorrectableComment>('PUT', `${base(tenantId)}/comments/${encodeURIComponent(answerId)}/correction`, body),
  uncorrect: (tenantId: string, answerId: string) => request<CorrectableComment>('DELETE', `${base(tenantId)}/comments/${encodeURIComponent(answerId)}/correction`),
};

// One lexicon request per tenant for a whole list of comment editors; dropped when the lexicon is saved.
const topicsCache = new Map<string, Promise<LexiconView>>();

export function cachedLexicon(tenantId: string): Promise<LexiconView> {
  let pending = topicsCache.get(tenantId);
  if (!pending) {
    pending = lexiconApi.get(tenantId);
    pending.catch(() => topicsCache.delete(tenantId));
    topicsCache.set(tenantId, pending);
  }
  return pending;
}

export const forgetCachedLexicon = (tenantId: string) => void topicsCache.delete(tenantId);
