/**
 * Is an incoming SMS a request to stop receiving our messages?
 *
 * The rule, chosen to never miss a real opt-out while not treating every
 * sentence with "stop" in it as one:
 *
 * 1. The whole reply is an opt-out keyword or phrase: STOP, STOP ALL,
 *    UNSUBSCRIBE, CANCEL, END, QUIT, OPT OUT, СТОП, ОТПИСАТЬСЯ, ОТПИСКА,
 *    ОТПИСАТЬ, ОТПИШИТЕ (and a few two-word forms below).
 * 2. Or its *first word* is STOP, СТОП, UNSUBSCRIBE, ОТПИСАТЬСЯ, ОТПИСКА,
 *    ОТПИСАТЬ or ОТПИШИТЕ: "stop calling me at night please", "СТОП, хватит",
 *    "Отпишите меня". These words open a sentence almost only to mean "stop
 *    messaging me", and STOP/СТОП is what our texts tell people to reply.
 *    CANCEL, END and QUIT count only alone: "end of story, great service"
 *    is an answer, not an opt-out.
 * 3. A keyword later in a sentence does not count: "don't stop",
 *    "не останавливайтесь", "I'll stop by tomorrow" are conversation.
 *    Only the short polite forms ("please stop", "стоп пожалуйста") are
 *    listed as whole replies.
 *
 * НЕТ СПАСИБО / NO THANKS / НЕТ are *not* opt-outs: a survey invitation asks
 * a question, and "нет, спасибо" is as likely an answer to it ("would you
 * recommend us?") as a refusal of further messages. The survey flow treats
 * it as a declined answer.
 *
 * Matching ignores case, ё/е, surrounding whitespace, punctuation, quotes
 * («»“”"'), emoji and invisible format characters, and folds Latin and
 * Cyrillic look-alikes together, so "CТОП" typed with a Latin C, or "stор"
 * with Cyrillic о and р, still match.
 */

/** Whole-reply keywords and phrases, written plainly; they are folded the same way as replies. */
const WHOLE_REPLY = [
  'stop',
  'stop all',
  'stopall',
  'stop please',
  'please stop',
  'unsubscribe',
  'unsubscribe me',
  'cancel',
  'end',
  'quit',
  'opt out',
  'optout',
  'стоп',
  'отписаться',
  'отписка',
  'отписать',
  'отпишите',
  'отпишите меня',
  'стоп пожалуйста',
  'пожалуйста стоп',
  'отписаться от рассылки',
];

/** Words that make the whole reply an opt-out when they open it. */
const FIRST_WORD = ['stop', 'стоп', 'unsubscribe', 'отписаться', 'отписка', 'отписать', 'отпишите'];

/**
 * Cyrillic letters that look like Latin ones (in either case, since we fold
 * case first), mapped to that Latin letter. п ↦ n: the lowercase shapes
 * match, and "CTOn" is how СТОП comes out on a Latin keyboard.
 */
const LOOK_ALIKE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
};

/** Case, ё/е, look-alikes, punctuation and spacing folded; words joined by one space. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\p{Cf}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/[а-я]/g, (char) => LOOK_ALIKE[char] ?? char);
}

const wholeReplies = new Set(WHOLE_REPLY.map(fold));
const firstWords = new Set(FIRST_WORD.map(fold));

export function isOptOutReply(text: string): boolean {
  const folded = fold(text);
  if (folded === '') return false;
  if (wholeReplies.has(folded)) return true;
  const firstWord = folded.split(' ', 1)[0]!;
  return firstWords.has(firstWord);
}
