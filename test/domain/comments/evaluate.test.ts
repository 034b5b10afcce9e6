import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracy, evaluateComments, topicScores, type LabelledComment } from '../../../src/domain/comments/evaluate.ts';
import { STARTER_TAXONOMY, STARTER_TOPIC_IDS } from '../../../src/domain/comments/taxonomy.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'comments');
const load = (name: string) =>
  fs.readFileSync(path.join(fixtures, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledComment);
const examples = load('eval.jsonl');
const heldOut = load('heldout.jsonl');

describe('topicScores', () => {
  it('computes per-topic precision, recall, F1 and their macro mean over the topics that occur', () => {
    const result = topicScores([['a'], ['a', 'b'], ['b']], [['a'], ['a'], ['a']], ['a', 'b', 'c']);
    const [a, b, c] = result.perTopic;
    expect(a).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 0, precision: 2 / 3, recall: 1 });
    expect(a!.f1).toBeCloseTo(0.8);
    expect(b).toMatchObject({ truePositives: 0, falseNegatives: 2, f1: 0 });
    expect(c).toMatchObject({ support: 0, f1: 0 });
    expect(result.macroF1).toBeCloseTo(0.4); // (0.8 + 0) / 2: c never occurs, so it does not count
  });

  it('accuracy is the share of equal labels', () => {
    expect(accuracy(['x', 'y', 'z', 'x'], ['x', 'y', 'x', 'y'])).toBe(0.5);
  });
});

describe('the labelled evaluation set', () => {
  it('is big enough, in both languages, and uses only known labels', () => {
    expect(examples.length).toBeGreaterThanOrEqual(220);
    const ru = examples.filter((e) => e.lang === 'ru').length;
    expect(ru / examples.length).toBeGreaterThan(0.4);
    expect(ru / examples.length).toBeLessThan(0.6);
    for (const e of examples) {
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.score).toBeLessThanOrEqual(10);
      expect(['negative', 'neutral', 'positive']).toContain(e.sentiment);
      for (const t of e.topics) expect(STARTER_TOPIC_IDS as readonly string[]).toContain(t);
    }
    for (const t of STARTER_TOPIC_IDS) expect(examples.some((e) => e.topics.includes(t)), t).toBe(true);
  });
});

describe('the engine on the labelled set', () => {
  const result = evaluateComments(examples, STARTER_TAXONOMY);

  it('beats the score-band baseline on sentiment, from the text alone and combined with the score', () => {
    expect(result.sentiment.engineTextAccuracy).toBeGreaterThan(result.sentiment.baselineBandAccuracy);
    expect(result.sentiment.engineCombinedAccuracy).toBeGreaterThan(result.sentiment.baselineBandAccuracy);
  });

  it('beats the topic baselines and stays above its measured floor', () => {
    expect(result.topics.engine.macroF1).toBeGreaterThan(result.topics.baselineMostFrequent.macroF1);
    expect(result.topics.engine.macroF1).toBeGreaterThan(result.topics.baselineOther.macroF1);
    // Measured 0.91 macro-F1, 0.86 text-only and 0.89 combined sentiment accuracy
    // (taxonomy v1, December 2026). The floors sit a little below, as a guard
    // against regressions when the lexicon changes, not as the result itself.
    // The set was written alongside the lexicon, so these are in-sample figures.
    expect(result.topics.engine.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(result.sentiment.engineTextAccuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.sentiment.engineCombinedAccuracy).toBeGreaterThanOrEqual(0.84);
  });
});

describe('the engine on the held-out set (written after tuning, never tuned on)', () => {
  const result = evaluateComments(heldOut, STARTER_TAXONOMY);

  it('beats the score-band baseline once text and score are combined', () => {
    // Measured: combined 0.83 vs band 0.67. Text alone (0.52) does NOT beat the
    // band here; that is the honest state of the lexicon, so it is not asserted.
    expect(result.sentiment.engineCombinedAccuracy).toBeGreaterThan(result.sentiment.baselineBandAccuracy);
    expect(result.sentiment.engineCombinedAccuracy).toBeGreaterThanOrEqual(0.78);
  });

  it('stays above its measured topic floor', () => {
    // Measured 0.65 macro-F1 (vs 0.04 for "always the most frequent topic"); floor a little below.
    expect(result.topics.engine.macroF1).toBeGreaterThanOrEqual(0.6);
  });
});
