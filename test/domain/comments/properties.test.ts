import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineWithScore, sentimentOf } from '../../../src/domain/comments/sentiment.ts';
import { STARTER_TAXONOMY } from '../../../src/domain/comments/taxonomy.ts';
import { normalizeText } from '../../../src/domain/comments/text.ts';
import { topicsOf } from '../../../src/domain/comments/topics.ts';

// Words the engine reacts to, mixed with noise, so generated comments exercise negation, intensity and contrast.
const WORDS = [
  'не', 'нет', 'очень', 'но', 'ждал', 'долго', 'грубо', 'вежливо', 'хамили', 'помогли', 'решили', 'дорого', 'приложение', 'плохо', 'отлично', 'никто', 'без', 'проблем',
  'not', 'no', 'very', 'but', 'waited', 'rude', 'polite', 'helpful', 'bad', 'great', 'app', 'price', 'never', 'at', 'all', 'ё', '!', ',', '.', '🙂', '42',
];
const comment = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 25 }).map((w) => w.join(' '));
const topicIds = new Set(STARTER_TAXONOMY.topics.map((t) => t.id));

describe('comment engine laws', () => {
  it('sentiment and combined scores stay in −1..1, and the label follows the sign', () => {
    fc.assert(fc.property(comment, fc.option(fc.integer({ min: 0, max: 10 })), (text, score) => {
      const s = sentimentOf(text);
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
      if (s.label === 'positive') expect(s.score).toBeGreaterThan(0);
      if (s.label === 'negative') expect(s.score).toBeLessThan(0);
      const combined = combineWithScore(s, score);
      expect(Math.abs(combined.score)).toBeLessThanOrEqual(1);
      if (score === null) expect(combined.disagreement).toBe(false);
    }));
  });

  it('topics are taxonomy ids, each once, with the fallback only alone', () => {
    fc.assert(fc.property(comment, (text) => {
      const ids = topicsOf(text, STARTER_TAXONOMY).map((t) => t.topic);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(topicIds.has(id)).toBe(true);
      if (ids.includes('other')) expect(ids).toEqual(['other']);
    }));
  });

  it('ё/е and letter case do not change the result', () => {
    fc.assert(fc.property(comment, (text) => {
      const variant = text.replace(/е/g, 'ё').toUpperCase();
      expect(sentimentOf(variant)).toEqual(sentimentOf(text));
      expect(topicsOf(variant, STARTER_TAXONOMY).map((t) => t.topic)).toEqual(topicsOf(text, STARTER_TAXONOMY).map((t) => t.topic));
    }));
  });

  it('normalizing twice changes nothing', () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeText(normalizeText(text)) === normalizeText(text)));
  });
});
