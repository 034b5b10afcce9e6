/**
 * A first guess at the column mapping from header names, in Russian and
 * English, for the person to confirm. Exact names win over names that only
 * contain a telling word; each column and each target is used once, and
 * among several phone columns a mobile one is preferred (SMS needs it).
 */
import { foldText, type ContactTarget } from '../../../domain/contacts/index.ts';
import type { ColumnMapping } from './columnMapping.ts';

/** Exact header names (folded: lower case, ё→е, punctuation → space), best first. */
const EXACT: ReadonlyArray<readonly [ContactTarget, readonly string[]]> = [
  ['externalId', ['id', 'код клиента', 'id клиента', 'ид клиента', 'идентификатор', 'идентификатор клиента', 'номер клиента', 'код', 'ид', 'external id', 'externalid', 'customer id', 'client id', 'crm id', 'client code']],
  ['phone', ['моб телефон', 'мобильный телефон', 'мобильный', 'сотовый', 'сотовый телефон', 'mobile', 'mobile phone', 'cell', 'cell phone', 'телефон', 'тел', 'номер телефона', 'контактный телефон', 'phone', 'phone number', 'msisdn']],
  ['email', ['email', 'e mail', 'эл почта', 'электронная почта', 'почта', 'адрес электронной почты', 'емейл', 'имейл', 'email address', 'mail']],
  ['fullName', ['фио', 'ф и о', 'фио клиента', 'клиент', 'полное имя', 'full name', 'name', 'customer name', 'client name', 'contact name']],
  ['firstName', ['имя', 'first name', 'firstname', 'given name']],
  ['middleName', ['отчество', 'middle name', 'patronymic']],
  ['lastName', ['фамилия', 'last name', 'lastname', 'surname', 'family name']],
  ['language', ['язык', 'язык общения', 'language', 'lang', 'locale']],
  ['timezone', ['часовой пояс', 'таймзона', 'тайм зона', 'пояс', 'time zone', 'timezone', 'tz']],
  ['region', ['регион', 'субъект', 'субъект рф', 'область', 'region', 'state', 'province', 'город', 'населенный пункт', 'city']],
  ['consentEmail', ['согласие на email', 'согласие email', 'согласие на e mail', 'согласие на почту', 'email consent', 'consent email']],
  ['consentSms', ['согласие на смс', 'согласие смс', 'согласие на sms', 'sms consent', 'consent sms']],
  ['consentVoice', ['согласие на звонки', 'согласие на звонок', 'согласие на звонки роботом', 'voice consent', 'call consent', 'consent voice', 'consent call']],
  ['attributes.service_type', ['тип услуги', 'услуга', 'вид услуги', 'service type', 'service']],
  ['attributes.department', ['отдел', 'подразделение', 'department', 'dept', 'division']],
  ['attributes.employee', ['сотрудник', 'оператор', 'менеджер', 'агент', 'ответственный', 'employee', 'operator', 'agent', 'manager']],
  ['attributes.branch', ['филиал', 'отделение', 'офис', 'branch', 'office']],
];

/** Words that make a longer header a candidate ("Телефон клиента", "E-mail для рассылки"), best first. */
const CONTAINS: ReadonlyArray<readonly [ContactTarget, readonly (readonly string[])[]]> = [
  ['consentSms', [['согласие', 'смс'], ['согласие', 'sms'], ['consent', 'sms']]],
  ['consentEmail', [['согласие', 'email'], ['согласие', 'почта'], ['consent', 'email']]],
  ['consentVoice', [['согласие', 'звонки'], ['consent', 'call']]],
  ['phone', [['моб'], ['мобильный'], ['mobile'], ['телефон'], ['phone'], ['тел']]],
  ['email', [['email'], ['почта'], ['mail']]],
  ['fullName', [['фио']]],
];

const EXACT_SCORE = 1_000;
const CONTAINS_SCORE = 100;

export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const candidates: Array<{ score: number; column: string; order: number; target: ContactTarget }> = [];
  headers.forEach((column, order) => {
    const folded = foldText(column);
    const words = new Set(folded.split(' '));
    for (const [target, names] of EXACT) {
      const rank = names.indexOf(folded);
      if (rank !== -1) candidates.push({ score: EXACT_SCORE - rank, column, order, target });
    }
    for (const [target, rules] of CONTAINS) {
      const rank = rules.findIndex((rule) => rule.every((word) => words.has(word)));
      if (rank !== -1) candidates.push({ score: CONTAINS_SCORE - rank, column, order, target });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = new Map<string, ContactTarget>(); // a Map: a header may be called "constructor"
  const taken = new Set<ContactTarget>();
  for (const { column, target } of candidates) {
    if (chosen.has(column) || taken.has(target)) continue;
    chosen.set(column, target);
    taken.add(target);
  }
  return { columns: Object.fromEntries(chosen), required: [] };
}
