import { describe, expect, it } from 'vitest';
import {
  classifierActive, combineSentiment, combineTopics, featuresOf, MIN_SENTIMENT_EXAMPLES, MIN_TOPIC_EXAMPLES, predict, trainClassifier, type TrainingExample,
} from '../../../src/domain/comments/classifier.ts';
import { analyseText, analysisVersion } from '../../../src/domain/comments/engine.ts';
import { sentimentOf } from '../../../src/domain/comments/sentiment.ts';
import { STARTER_TAXONOMY, type Taxonomy } from '../../../src/domain/comments/taxonomy.ts';

/** The starter plus a tenant's own topic, with no terms yet: only corrections can teach it. */
const TAXONOMY: Taxonomy = {
  ...STARTER_TAXONOMY,
  topics: [...STARTER_TAXONOMY.topics, { id: 'delivery', label: { ru: 'Доставка', en: 'Delivery' }, entries: [] }],
};
const LEARNABLE = TAXONOMY.topics.map((t) => t.id).filter((id) => id !== 'other');

const COURIER: TrainingExample[] = [
  { text: 'Курьер опоздал на три часа', topics: ['delivery'], sentiment: 'negative' },
  { text: 'Курьер привёз заказ вовремя', topics: ['delivery'], sentiment: 'positive' },
  { text: 'Курьера так и не дождались', topics: ['delivery'], sentiment: 'negative' },
  { text: 'Курьер был вежлив, заказ целый', topics: ['delivery', 'staff_attitude'], sentiment: 'positive' },
  { text: 'Курьер перепутал адрес', topics: ['delivery'], sentiment: 'negative' },
];
const OTHERS: TrainingExample[] = [
  { text: 'Оператор нагрубил', topics: ['staff_attitude'], sentiment: 'negative' },
  { text: 'Вопрос решили быстро', topics: ['resolution', 'wait_time'], sentiment: 'positive' },
  { text: 'Долго ждал ответа', topics: ['wait_time'], sentiment: 'negative' },
  { text: 'Приложение зависает', topics: ['technical_problems'], sentiment: 'negative' },
  { text: 'Тариф дорогой', topics: ['price'], sentiment: 'negative' },
  { text: 'Всё понятно объяснили', topics: ['information'], sentiment: 'positive' },
];

describe('classifier features', () => {
  it('are the lexicon’s stems, ё folded, with a negation marked on the word it reaches', () => {
    expect(featuresOf('Курьер не грубил')).toEqual(expect.arrayContaining(['курьер', 'не', 'не_груб']));
    expect(featuresOf('Курьер не грубил')).not.toContain('груб');
    expect(featuresOf('Решён')).toEqual(featuresOf('Решен'));
    expect(featuresOf('The courier was not rude')).toContain('not_rude');
  });
});

describe('trainClassifier / predict', () => {
  it('learns a topic the lexicon has no word for, from five corrections', () => {
    const model = trainClassifier([...COURIER, ...OTHERS], LEARNABLE, 0);
    expect(model.topics.find((t) => t.topic === 'delivery')!.positives).toBe(MIN_TOPIC_EXAMPLES);
    const p = predict(model, 'Курьер опять опоздал', LEARNABLE);
    expect(p.topics.map((t) => t.topic)).toContain('delivery');
    // Together with the lexicon: the lexicon found nothing, so the fallback gives way to the learnt topic.
    const engine = { taxonomy: TAXONOMY, classifier: model };
    expect(analyseText('Курьер опять опоздал', 2, engine).topics).toEqual(['delivery']);
    // A comment with nothing of the kind gains nothing.
    expect(predict(model, 'Тариф дорогой', LEARNABLE).topics.map((t) => t.topic)).not.toContain('delivery');
  });

  it('does not predict a topic below the example threshold', () => {
    const model = trainClassifier([...COURIER.slice(0, MIN_TOPIC_EXAMPLES - 1), ...OTHERS], LEARNABLE, 0);
    expect(predict(model, 'Курьер опять опоздал', LEARNABLE).topics.map((t) => t.topic)).not.toContain('delivery');
    expect(analyseText('Курьер опять опоздал', 2, { taxonomy: TAXONOMY, classifier: model }).topics).toEqual(['other']);
  });

  it('forgets a topic the lexicon no longer has', () => {
    const model = trainClassifier([...COURIER, ...OTHERS], LEARNABLE, 0);
    expect(analyseText('Курьер опять опоздал', 2, { taxonomy: STARTER_TAXONOMY, classifier: model }).topics).not.toContain('delivery');
  });

  it('tells negated words apart: "не вежлив" is learnt as a complaint, "вежлив" as praise', () => {
    const polite = ['Курьер вежливый', 'Очень вежливый курьер', 'Курьер был вежлив', 'Вежливый мастер', 'Мастер вежлив и аккуратен', 'Вежливая девушка на складе'];
    const impolite = ['Курьер не вежливый', 'Курьер был не вежлив', 'Мастер не вежлив', 'Не вежливая девушка на складе', 'Совсем не вежливый мастер', 'Курьер не вежлив и груб'];
    const neutral = ['Курьер приехал', 'Мастер пришёл', 'Девушка на складе', 'Заказ на складе', 'Приехал мастер', 'Курьер позвонил'];
    const examples: TrainingExample[] = [
      ...polite.map((text) => ({ text, topics: ['staff_attitude'], sentiment: 'positive' as const })),
      ...impolite.map((text) => ({ text, topics: ['staff_attitude'], sentiment: 'negative' as const })),
      ...neutral.map((text) => ({ text, topics: ['delivery'], sentiment: 'neutral' as const })),
    ];
    const model = trainClassifier(examples, LEARNABLE, 0);
    expect(classifierActive(model)).toBe(true);
    expect(predict(model, 'Водитель не вежливый').sentiment!.label).toBe('negative');
    expect(predict(model, 'Водитель вежливый').sentiment!.label).toBe('positive');
  });

  it('uses its sentiment only once every label has enough examples, and only where the lexicon reads neutral', () => {
    const few = trainClassifier([...COURIER, ...OTHERS], LEARNABLE, 0);
    expect(few.sentiment.counts.neutral).toBeLessThan(MIN_SENTIMENT_EXAMPLES);
    expect(predict(few, 'Курьер опоздал').sentiment).toBeNull();
    const lexicon = sentimentOf('Оператор нагрубил');
    const prediction = { topics: [], sentiment: { label: 'positive' as const, score: 0.9, probabilities: { negative: 0, neutral: 0.1, positive: 0.9 } } };
    expect(combineSentiment(lexicon, prediction)).toEqual(lexicon);
    expect(sentimentOf('Курьер приехал в среду').label).toBe('neutral');
    expect(combineSentiment(sentimentOf('Курьер приехал в среду'), prediction)).toMatchObject({ label: 'positive', score: 0.9 });
  });

  it('is deterministic and plain JSON', () => {
    const a = trainClassifier([...COURIER, ...OTHERS], LEARNABLE, 3);
    const b = trainClassifier([...COURIER, ...OTHERS], LEARNABLE, 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('combineTopics / analysisVersion', () => {
  it('adds the classifier’s topics to the lexicon’s, dropping the fallback', () => {
    const p = { topics: [{ topic: 'delivery', probability: 0.9 }, { topic: 'other', probability: 0.9 }], sentiment: null };
    expect(combineTopics(['other'], p, 'other')).toEqual(['delivery']);
    expect(combineTopics(['price'], p, 'other')).toEqual(['price', 'delivery']);
    expect(combineTopics(['price'], null, 'other')).toEqual(['price']);
  });

  it('changes whenever the lexicon or the classifier changes', () => {
    const model = trainClassifier(OTHERS, LEARNABLE, 0);
    expect(analysisVersion(1, null)).toBe(1);
    expect(analysisVersion(1, { ...model, generation: 0 })).toBe(1);
    expect(analysisVersion(2, { ...model, generation: 1 })).toBeGreaterThan(analysisVersion(2, { ...model, generation: 0 }));
  });
});
