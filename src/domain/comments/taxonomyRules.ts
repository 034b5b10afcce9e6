import { z } from 'zod';
import { compileTerm } from './lexicon.ts';
import type { Taxonomy } from './taxonomy.ts';

/**
 * What a tenant may save as its topic lexicon: the shape of STARTER_TAXONOMY
 * without the server's id and version, with limits that keep one comment's
 * analysis cheap and an editor's mistakes visible field by field.
 */

export const TOPICS_MAX = 40;
export const ENTRIES_PER_TOPIC_MAX = 400;
export const ENTRIES_TOTAL_MAX = 4000;
export const TERM_LENGTH_MAX = 80;
/** Lower snake case, starting with a letter: wait_time, delivery, app_v2. */
export const TOPIC_ID = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const label = z.string().trim().min(1).max(80);

export const LexiconEntryInput = z.strictObject({
  term: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(TERM_LENGTH_MAX)
    .refine((t) => compileTerm(t) !== null, 'must contain a letter or a digit (a word, a word* prefix or a phrase)'),
  lang: z.enum(['ru', 'en']),
  polarity: z.enum(['negative', 'positive']).optional(),
});

export const TopicInput = z.strictObject({
  id: z.string().max(40).regex(TOPIC_ID, 'must be lower snake case: letters a–z, digits and single underscores, starting with a letter'),
  label: z.strictObject({ ru: label, en: label }),
  entries: z.array(LexiconEntryInput).max(ENTRIES_PER_TOPIC_MAX),
});

export const TaxonomyInput = z
  .strictObject({
    topics: z.array(TopicInput).min(1).max(TOPICS_MAX),
    fallbackTopic: z.string().regex(TOPIC_ID, 'must be lower snake case').describe('The topic of a comment no entry matched (the starter calls it "other")'),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.topics.forEach((topic, i) => {
      const first = seen.get(topic.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `repeats the id of topic ${first + 1}` });
      else seen.set(topic.id, i);
      const terms = new Map<string, number>();
      topic.entries.forEach((entry, j) => {
        const key = `${entry.lang}:${entry.term.toLowerCase().replace(/ё/g, 'е')}`;
        const earlier = terms.get(key);
        if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: ['topics', i, 'entries', j, 'term'], message: `repeats entry ${earlier + 1} of this topic` });
        else terms.set(key, j);
      });
    });
    if (!seen.has(value.fallbackTopic)) ctx.addIssue({ code: 'custom', path: ['fallbackTopic'], message: 'must be the id of one of the topics' });
    const total = value.topics.reduce((n, t) => n + t.entries.length, 0);
    if (total > ENTRIES_TOTAL_MAX) ctx.addIssue({ code: 'custom', path: ['topics'], message: `has ${total} entries in all; at most ${ENTRIES_TOTAL_MAX}` });
  });
export type TaxonomyInput = z.infer<typeof TaxonomyInput>;

/** A saved lexicon as the engine takes it. */
export function taxonomyOf(input: TaxonomyInput, id: string, version: number): Taxonomy {
  return {
    id,
    version,
    fallbackTopic: input.fallbackTopic,
    topics: input.topics.map((t) => ({
      id: t.id,
      label: { ru: t.label.ru, en: t.label.en },
      entries: t.entries.map((e) => (e.polarity ? { term: e.term, lang: e.lang, polarity: e.polarity } : { term: e.term, lang: e.lang })),
    })),
  };
}
