// The lexicon editor's form: each topic's terms as one text per language, in the
// starter's own notation — terms separated by commas or new lines, `word*` matches
// by prefix, a trailing `+` or `-` says the term praises or complains.
import type { FieldError } from '../../api.ts';
import type { LexiconEntry, LexiconTopic, TaxonomyBody } from './lexiconApi.ts';

export interface TopicForm {
  /** Stable key for React: the id as loaded, or a fresh one for a new topic. */
  key: string;
  id: string;
  /** Loaded from the server: its id is fixed (analyses and corrections refer to it). */
  saved: boolean;
  labelRu: string;
  labelEn: string;
  ru: string;
  en: string;
}

export interface LexiconForm {
  topics: TopicForm[];
  fallbackTopic: string;
}

const formatEntry = (e: LexiconEntry) => `${e.term}${e.polarity === 'positive' ? '+' : e.polarity === 'negative' ? '-' : ''}`;

export function formatTerms(entries: LexiconEntry[], lang: 'ru' | 'en'): string {
  return entries.filter((e) => e.lang === lang).map(formatEntry).join(', ');
}

export function parseTerms(text: string, lang: 'ru' | 'en'): LexiconEntry[] {
  return text
    .split(/[,\n]/)
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => {
      const polarity = raw.endsWith('+') ? 'positive' : raw.endsWith('-') ? 'negative' : undefined;
      const term = polarity ? raw.slice(0, -1).trim() : raw;
      return polarity ? { term, lang, polarity } : { term, lang };
    });
}

export function formFrom(body: TaxonomyBody): LexiconForm {
  return {
    fallbackTopic: body.fallbackTopic,
    topics: body.topics.map((t) => ({ key: t.id, id: t.id, saved: true, labelRu: t.label.ru, labelEn: t.label.en, ru: formatTerms(t.entries, 'ru'), en: formatTerms(t.entries, 'en') })),
  };
}

export function topicBody(t: TopicForm): LexiconTopic {
  return { id: t.id.trim(), label: { ru: t.labelRu.trim(), en: t.labelEn.trim() }, entries: [...parseTerms(t.ru, 'ru'), ...parseTerms(t.en, 'en')] };
}

export const bodyFrom = (form: LexiconForm): TaxonomyBody => ({ fallbackTopic: form.fallbackTopic, topics: form.topics.map(topicBody) });

let fresh = 0;
export const newTopic = (): TopicForm => ({ key: `new-${(fresh += 1)}`, id: '', saved: false, labelRu: '', labelEn: '', ru: '', en: '' });

/** Lower snake case, as the server requires. */
export const TOPIC_ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * The server's field errors, pinned to a topic and a field of the form:
 * `topics.3.entries.5.term` becomes topic 3, the language of its sixth entry,
 * with the term quoted. Errors that name no topic stay general.
 */
export function errorsByTopic(form: LexiconForm, errors: FieldError[]): { byTopic: Map<number, string[]>; general: FieldError[] } {
  const byTopic = new Map<number, string[]>();
  const general: FieldError[] = [];
  for (const e of errors) {
    const m = /^topics\.(\d+)(?:\.(.+))?$/.exec(e.path);
    const topic = m ? form.topics[Number(m[1])] : undefined;
    if (!m || !topic) {
      general.push(e);
      continue;
    }
    const rest = m[2] ?? '';
    const entry = /^entries\.(\d+)/.exec(rest);
    let where = rest;
    if (entry) {
      const entries = topicBody(topic).entries;
      const at = entries[Number(entry[1])];
      where = at ? `${at.lang}: «${at.term}»` : rest;
    }
    const list = byTopic.get(Number(m[1])) ?? [];
    list.push(where ? `${where} — ${e.message}` : e.message);
    byTopic.set(Number(m[1]), list);
  }
  return { byTopic, general };
}
