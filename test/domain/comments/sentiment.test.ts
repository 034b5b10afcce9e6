import { describe, expect, it } from 'vitest';
import { bandLabel, combineWithScore, sentimentOf } from '../../../src/domain/comments/sentiment.ts';

const label = (text: string) => sentimentOf(text).label;
const score = (text: string) => sentimentOf(text).score;

describe('sentimentOf', () => {
  it('keeps the score in −1..1', () => {
    for (const text of ['ужасно ужасно ужасно отвратительно кошмар', 'отлично отлично прекрасно великолепно', '', 'не']) {
      expect(Math.abs(score(text))).toBeLessThanOrEqual(1);
    }
  });

  it('labels plain praise and complaints, in both languages', () => {
    expect(label('Оператор очень вежливый, спасибо')).toBe('positive');
    expect(label('Оператор нахамил')).toBe('negative');
    expect(label('Great service, thank you')).toBe('positive');
    expect(label('The agent was rude and useless')).toBe('negative');
    expect(label('Заявку приняли')).toBe('neutral');
  });

  it('reads waiting for an answer as a complaint, not praise of the answer', () => {
    expect(label('Ещё ждём ответа уже неделю')).toBe('negative');
    expect(label('Жду ответа третий день')).toBe('negative');
    expect(label('still waiting for an answer after a week')).toBe('negative');
  });

  it('reads a negated fault as no complaint: "не грубили", "никто не хамил", "not rude at all"', () => {
    for (const text of ['Не грубили', 'Никто не хамил', 'Not rude at all', 'Грубости не было', 'Претензий нет', 'Без проблем']) {
      expect(label(text), text).not.toBe('negative');
    }
  });

  it('reads a negated virtue as a complaint: "не помогли", "wasn\'t helpful"', () => {
    for (const text of ['Не помогли', "Wasn't helpful", 'was not helpful', 'Никто не помог', 'Nobody explained anything']) {
      expect(label(text), text).toBe('negative');
    }
  });

  it('makes "не плохо" / "not bad" mildly positive: less than "хорошо"', () => {
    expect(label('Не плохо')).toBe('positive');
    expect(label('Not bad')).toBe('positive');
    expect(score('Не плохо')).toBeLessThan(score('Хорошо'));
    expect(score('Not bad')).toBeLessThan(score('Good'));
  });

  it('weakens with "не очень" / "not very" instead of reversing in full', () => {
    expect(label('Обслуживание не очень')).toBe('negative');
    expect(score('Не очень вежливый')).toBeLessThan(0);
    expect(score('Не очень вежливый')).toBeGreaterThan(score('Невежливый'));
    expect(score('Not very helpful')).toBeGreaterThan(score('Not helpful'));
  });

  it('strengthens with intensifiers', () => {
    expect(score('Очень вежливый')).toBeGreaterThan(score('Вежливый'));
    expect(score('very rude')).toBeLessThan(score('rude'));
  });

  it('weighs the clause after "но" / "but" more', () => {
    expect(label('Вежливо, но проблему так и не решили')).toBe('negative');
    expect(label('Polite, but they never solved my problem')).toBe('negative');
    expect(label('Ждал долго, но всё решили отлично')).toBe('positive');
  });

  it('does not let a negation reach past a clause break', () => {
    expect(label('Не знаю. Оператор отличный')).toBe('positive');
  });
});

describe('combineWithScore', () => {
  it('flags a promoter with a clearly negative comment, and a detractor with a clearly positive one', () => {
    const angryPromoter = combineWithScore(sentimentOf('Оператор хамил, ужасное обслуживание'), 10);
    expect(angryPromoter).toMatchObject({ band: 'promoter', disagreement: true, label: 'negative' });
    const happyDetractor = combineWithScore(sentimentOf('Отлично, быстро, вежливо, спасибо'), 2);
    expect(happyDetractor).toMatchObject({ band: 'detractor', disagreement: true, label: 'positive' });
  });

  it('does not flag agreement, a passive, or a vague text', () => {
    expect(combineWithScore(sentimentOf('Всё отлично'), 10).disagreement).toBe(false);
    expect(combineWithScore(sentimentOf('Ужасно'), 8).disagreement).toBe(false);
    expect(combineWithScore(sentimentOf('Заявку приняли'), 0).disagreement).toBe(false);
  });

  it('lets the band decide a vague text, and the text alone decide without a score', () => {
    expect(combineWithScore(sentimentOf('Заявку приняли'), 10).label).toBe('positive');
    expect(combineWithScore(sentimentOf('Заявку приняли'), 1).label).toBe('negative');
    expect(combineWithScore(sentimentOf('Оператор нахамил'), null)).toMatchObject({ label: 'negative', band: null, disagreement: false });
  });

  it('keeps the combined score in −1..1', () => {
    for (const s of [0, 5, 7, 9, 10]) for (const t of ['ужасно ужасно', 'отлично отлично', '']) {
      expect(Math.abs(combineWithScore(sentimentOf(t), s).score)).toBeLessThanOrEqual(1);
    }
  });
});

describe('bandLabel', () => {
  it('maps 0–6, 7–8 and 9–10 to negative, neutral and positive', () => {
    expect([0, 6, 7, 8, 9, 10].map(bandLabel)).toEqual(['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive']);
  });
});
