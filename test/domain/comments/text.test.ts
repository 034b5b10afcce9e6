import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeText, stemWord, tokenize } from '../../../src/domain/comments/text.ts';

describe('normalizeText', () => {
  it('folds case and ё to е, drops punctuation and emoji, keeps letters and digits', () => {
    expect(normalizeText('Всё ОК!!! 👍 Ждал 5 минут…')).toBe('все ок ждал 5 минут');
    expect(normalizeText('Ещё')).toBe(normalizeText('еще'));
  });

  it('spells out English negative contractions before dropping the apostrophe', () => {
    expect(normalizeText("wasn't helpful, can't log in, won't load")).toBe('was not helpful can not log in will not load');
  });
});

describe('tokenize', () => {
  it('numbers clauses at punctuation, so a negation does not leak across them', () => {
    const tokens = tokenize('Не дозвонился. Потом всё решили');
    expect(tokens.map((t) => [t.word, t.clause])).toEqual([['не', 0], ['дозвонился', 0], ['потом', 1], ['все', 1], ['решили', 1]]);
  });
});

describe('stemWord', () => {
  const same = (words: string[]) => new Set(words.map(stemWord)).size;

  it('brings Russian word forms to one stem', () => {
    expect(same(['ждал', 'ждали', 'ждала'])).toBe(1);
    expect(same(['ожидание', 'ожидания', 'ожиданием'])).toBe(1);
    expect(same(['грубый', 'грубили', 'грубо'])).toBe(1);
    expect(same(['вежливый', 'вежливо', 'вежливая'])).toBe(1);
  });

  it('brings English word forms to one stem', () => {
    expect(same(['waited', 'waiting', 'wait', 'waits'])).toBe(1);
    expect(same(['resolved', 'resolve', 'resolving'])).toBe(1);
  });

  it('stems ё and е spellings alike once folded', () => {
    expect(stemWord(normalizeText('решён'))).toBe(stemWord('решен'));
  });
});

describe('detectLanguage', () => {
  it('tells Russian from English by script and common words', () => {
    expect(detectLanguage('Оператор вежливый, спасибо')).toBe('ru');
    expect(detectLanguage('The agent was polite')).toBe('en');
    expect(detectLanguage('ok')).toBe('en');
    expect(detectLanguage('всё хорошо, спасибо, thanks')).toBe('ru');
  });

  it('calls other what is neither', () => {
    expect(detectLanguage('Hallo, wie geht es dir heute')).toBe('other');
    expect(detectLanguage('Усе добре, дякую і вам')).toBe('other');
    expect(detectLanguage('vse ok spasibo bolshoe operatoru')).toBe('other');
    expect(detectLanguage('12345 !!!')).toBe('other');
    expect(detectLanguage('')).toBe('other');
  });
});
