import { describe, expect, it } from 'vitest';
import { STARTER_TAXONOMY, STARTER_TOPIC_IDS, type Taxonomy } from '../../../src/domain/comments/taxonomy.ts';
import { topicsOf } from '../../../src/domain/comments/topics.ts';

const topicIds = (text: string) => topicsOf(text, STARTER_TAXONOMY).map((t) => t.topic);
const topic = (text: string, id: string) => topicsOf(text, STARTER_TAXONOMY).find((t) => t.topic === id);

describe('STARTER_TAXONOMY', () => {
  it('has every starter topic, and survives a JSON round trip (tenants will store and edit it)', () => {
    expect(STARTER_TAXONOMY.topics.map((t) => t.id)).toEqual([...STARTER_TOPIC_IDS]);
    const copy = JSON.parse(JSON.stringify(STARTER_TAXONOMY)) as Taxonomy;
    expect(copy).toEqual(STARTER_TAXONOMY);
    expect(topicsOf('Долго ждал', copy).map((t) => t.topic)).toEqual(['wait_time']);
  });

  it('has terms in both languages for every topic but other', () => {
    for (const t of STARTER_TAXONOMY.topics.filter((t) => t.id !== 'other')) {
      expect(t.entries.some((e) => e.lang === 'ru'), t.id).toBe(true);
      expect(t.entries.some((e) => e.lang === 'en'), t.id).toBe(true);
    }
  });
});

describe('topicsOf', () => {
  it('matches across word forms', () => {
    for (const text of ['ждал', 'ждали', 'долгое ожидание', 'I waited', 'still waiting', 'had to wait']) expect(topicIds(text), text).toContain('wait_time');
    for (const text of ['грубый оператор', 'мне грубили', 'оператор нагрубил', 'хамство', 'a rude agent', 'rudeness']) expect(topicIds(text), text).toContain('staff_attitude');
  });

  it('matches ё and е spellings alike', () => {
    expect(topicIds('Вопрос решён')).toEqual(topicIds('Вопрос решен'));
    expect(topicIds('Вопрос решён')).toContain('resolution');
  });

  it('matches multi-word entries in order, with a small gap', () => {
    expect(topic('Бросила трубку', 'staff_attitude')?.matches).toEqual(['бросила трубку']);
    expect(topic('The agent hung up on me', 'staff_attitude')?.matches).toEqual(['hung up']);
    expect(topic('Answered all my questions', 'information')?.matches).toEqual(['answered questions']); // the matched words, not the gap
    expect(topicIds('up and hung')).not.toContain('staff_attitude');
  });

  it('reads negation: "не грубили" mentions staff attitude, but not as rudeness', () => {
    for (const text of ['Не грубили', 'Никто не хамил', 'Not rude at all', 'The agent was not rude', 'Грубости не было']) {
      expect(topic(text, 'staff_attitude')?.polarity, text).toBe('positive');
    }
    expect(topic('Грубили', 'staff_attitude')?.polarity).toBe('negative');
    expect(topic("Wasn't helpful", 'resolution')?.polarity).toBe('negative');
    expect(topic('Не помогли', 'resolution')?.polarity).toBe('negative');
    expect(topic('Помогли', 'resolution')?.polarity).toBe('positive');
    const details = topic('Никто не хамил', 'staff_attitude')!.matchDetails;
    expect(details).toEqual([{ text: 'хамил', term: 'хам*', negated: true, polarity: 'positive' }]);
  });

  it('does not carry a negation across a clause or a contrast', () => {
    expect(topic('Не дозвонился сразу. Оператор грубил', 'staff_attitude')?.polarity).toBe('negative');
    expect(topic('Not fast, but polite', 'staff_attitude')?.polarity).toBe('positive');
  });

  it('gives several topics to a mixed comment', () => {
    expect(topicIds('Долго ждал, а оператор нахамил и ничего не решил').sort()).toEqual(['resolution', 'staff_attitude', 'wait_time']);
    expect(topicIds('The app crashes and the prices are too high').sort()).toEqual(['price', 'technical_problems']);
  });

  it("says 'other' only when nothing matched and the text says something", () => {
    expect(topicIds('Курьер опоздал на два дня')).toEqual(['other']);
    expect(topicIds('всё ок')).toEqual([]);
    expect(topicIds('Спасибо!')).toEqual([]);
    expect(topicIds('')).toEqual([]);
    expect(topicIds('Долго')).toEqual(['wait_time']);
  });

  it("uses the tenant's taxonomy, not a built-in one", () => {
    const custom: Taxonomy = {
      id: 'tenant-1', version: 3, fallbackTopic: 'other',
      topics: [{ id: 'delivery', label: { ru: 'Доставка', en: 'Delivery' }, entries: [{ term: 'курьер', lang: 'ru' }, { term: 'опоздал*', lang: 'ru', polarity: 'negative' }] }],
    };
    expect(topicsOf('Курьер опоздал на два дня', custom).map((t) => [t.topic, t.polarity])).toEqual([['delivery', 'negative']]);
  });
});
