import { describe, expect, it } from 'vitest';
import { isOptOutReply } from '../../../src/domain/sms/optOut.ts';

describe('isOptOutReply', () => {
  it.each([
    'STOP',
    'stop',
    'Stop',
    ' Stop! ',
    'STOP ALL',
    'stop-all',
    'StopAll',
    'UNSUBSCRIBE',
    'Unsubscribe.',
    'cancel',
    'END',
    'Quit',
    'opt-out',
    'Opt out',
    '"stop"',
    "'STOP'",
    '«STOP»',
    'STOP!!!',
    'stop 🛑',
    '\tSTOP\n',
    'ＳＴＯＰ', // full-width, from some Asian keyboards
    'S\u200BTOP', // a zero-width space pasted in
  ])('English opt-out: %j', (text) => {
    expect(isOptOutReply(text)).toBe(true);
  });

  it.each([
    'СТОП',
    'стоп',
    'Стоп',
    ' стоп.',
    '«СТОП»',
    '„Стоп“',
    'СТОП!',
    'ОТПИСАТЬСЯ',
    'отписаться',
    'Отписка',
    'отписать',
    'Отпишите меня',
    'Отписаться от рассылки',
    'стоп, пожалуйста',
  ])('Russian opt-out: %j', (text) => {
    expect(isOptOutReply(text)).toBe(true);
  });

  it.each([
    ['CTOП', 'Latin C, T, O and Cyrillic П'],
    ['CТОП', 'Latin C, the rest Cyrillic'],
    ['CTOn', 'all Latin, lowercase n for п'],
    ['ctoп', 'lowercase Latin c, t, o'],
    ['stор', 'Latin s, t and Cyrillic о, р'],
    ['SТОР', 'Latin S and Cyrillic Т, О, Р'],
    ['oтпиcaтьcя', 'Latin o, c, a inside a Cyrillic word'],
  ])('mixed Latin/Cyrillic look-alikes: %j (%s)', (text) => {
    expect(isOptOutReply(text)).toBe(true);
  });

  it('folds ё and е', () => {
    // No keyword has ё, but a folded reply must still compare equal to one with е.
    expect(isOptOutReply('Отпишитё')).toBe(true);
  });

  it.each([
    'stop calling me at night please',
    'Stop sending me these',
    'СТОП, хватит присылать опросы',
    'Стоп спам',
    'Unsubscribe me from everything',
    'Отписаться хочу',
  ])('a reply whose first word is STOP/СТОП/UNSUBSCRIBE/ОТПИСАТЬСЯ counts: %j', (text) => {
    expect(isOptOutReply(text)).toBe(true);
  });

  it.each([
    "don't stop",
    'Please don’t stop the service',
    'не останавливайтесь',
    'не надо стоп',
    'I will stop by the store',
    'the bus stop was dirty',
    'end of story, great service',
    'Cancel my order please', // CANCEL counts only alone
    'quit my job, bye', // QUIT counts only alone
    'stopped working',
    'stopping',
    'Стопка бумаг',
    'остановка',
    '10',
    'Нет спасибо',
    'НЕТ, СПАСИБО',
    'no thanks',
    'нет',
    'no',
    '',
    '   ',
    '!!!',
    '🛑',
  ])('not an opt-out: %j', (text) => {
    expect(isOptOutReply(text)).toBe(false);
  });
});
