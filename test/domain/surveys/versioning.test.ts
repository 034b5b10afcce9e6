import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  diffSurveys,
  fnv1a64,
  questionsWithChangedWording,
  surveyFingerprint,
  templateDefinition,
} from '../../../src/domain/surveys/index.ts';
import { reverseKeys } from './arbitraries.ts';
import { options, question, ruEn, survey } from './factories.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('escapes like JSON and keeps non-ASCII text', () => {
    expect(canonicalJson({ text: 'Как "вы"?\n' })).toBe('{"text":"Как \\"вы\\"?\\n"}');
    expect(JSON.parse(canonicalJson({ x: 'ё😀' }))).toEqual({ x: 'ё😀' });
  });
});

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the reference vector for %j', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it('hashes UTF-8 bytes: a Cyrillic letter differs from its code unit', () => {
    expect(fnv1a64('я')).toBe(fnv1a64String([0xd1, 0x8f]));
    expect(fnv1a64('😀')).toBe(fnv1a64String([0xf0, 0x9f, 0x98, 0x80]));
  });
});

/** Reference FNV-1a 64 over raw bytes, written independently with BigInt. */
function fnv1a64String(bytes: number[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

describe('surveyFingerprint', () => {
  it('is 16 hex digits, stable under key order, and changes with the wording', () => {
    const definition = templateDefinition('transactional_nps');
    const reordered = reverseKeys(definition) as typeof definition;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(definition));
    expect(surveyFingerprint(definition)).toMatch(/^[0-9a-f]{16}$/);
    expect(surveyFingerprint(reordered)).toBe(surveyFingerprint(definition));
    const reworded = templateDefinition('transactional_nps');
    reworded.questions[0]!.text.ru += ' ';
    expect(surveyFingerprint(reworded)).not.toBe(surveyFingerprint(definition));
  });
});

describe('diffSurveys', () => {
  const v1 = survey([
    question('nps', 'nps', { metricKey: 'nps', required: true }),
    question('single_choice', 'why', { options: options('price', 'staff') }),
    question('open_text', 'comment'),
  ]);

  it('finds nothing between equal versions', () => {
    expect(diffSurveys(v1, structuredClone(v1))).toEqual([]);
  });

  it('lists wording, option, rule and setting changes', () => {
    const v2 = structuredClone(v1);
    v2.questions[0]!.text.en = 'How likely are you to recommend us?';
    v2.questions[0]!.label = ruEn('NPS', 'NPS');
    const why = v2.questions[1]!;
    if (why.type !== 'single_choice') throw new Error('fixture');
    why.options = [{ id: 'staff', label: ruEn('Персонал', 'Our staff') }, { id: 'speed', label: ruEn('Скорость', 'Speed') }];
    why.showIf = { when: { question: 'nps', op: 'lte', value: 6 } };
    v2.questions[2]!.required = true;
    v2.anonymous = true;
    v2.thankYou = { ...v2.thankYou, en: 'Thanks!' };

    expect(diffSurveys(v1, v2)).toEqual([
      { kind: 'survey_setting_changed', setting: 'anonymous' },
      { kind: 'text_changed', questionId: 'nps', language: 'en', before: 'Question nps?', after: 'How likely are you to recommend us?' },
      { kind: 'label_changed', questionId: 'nps', language: 'en', before: 'Label nps', after: 'NPS' },
      { kind: 'label_changed', questionId: 'nps', language: 'ru', before: 'Метка nps', after: 'NPS' },
      { kind: 'option_removed', questionId: 'why', optionId: 'price' },
      { kind: 'option_label_changed', questionId: 'why', optionId: 'staff', language: 'en', before: 'Option staff', after: 'Our staff' },
      { kind: 'option_label_changed', questionId: 'why', optionId: 'staff', language: 'ru', before: 'Вариант staff', after: 'Персонал' },
      { kind: 'option_added', questionId: 'why', optionId: 'speed' },
      { kind: 'rule_changed', questionId: 'why' },
      { kind: 'required_changed', questionId: 'comment', before: false, after: true },
      { kind: 'thank_you_changed', language: 'en', before: 'Thank you!', after: 'Thanks!' },
    ]);
  });

  it('reports added, removed and reordered questions, type, scale and metric key changes', () => {
    const v2 = survey([
      question('open_text', 'comment'),
      question('rating', 'nps', { metricKey: null, min: 1, max: 5, required: true }),
      question('fcr', 'fcr'),
    ]);
    expect(diffSurveys(v1, v2)).toEqual([
      { kind: 'question_type_changed', questionId: 'nps', before: 'nps', after: 'rating' },
      { kind: 'scale_changed', questionId: 'nps', before: { min: 0, max: 10 }, after: { min: 1, max: 5 } },
      { kind: 'metric_key_changed', questionId: 'nps', before: 'nps', after: null },
      { kind: 'question_removed', questionId: 'why' },
      { kind: 'question_added', questionId: 'fcr' },
      { kind: 'questions_reordered', before: ['nps', 'comment'], after: ['comment', 'nps'] },
    ]);
  });

  it('names the questions whose wording changed, for "wording changed in v3"', () => {
    const v2 = structuredClone(v1);
    v2.questions[0]!.text.ru = 'Новая формулировка';
    v2.questions[2]!.label = ruEn('Отзыв', 'Feedback');
    v2.questions[2]!.required = true;
    expect(questionsWithChangedWording(diffSurveys(v1, v2))).toEqual(['nps']);
  });
});
