/** Every string a respondent reads around the survey's own texts, in each language Voxpop speaks. */
export type RespondentLocale = 'ru' | 'en';

const en = {
  progress: (step: number, total: number) => `Question ${step} of ${total}`,
  next: 'Next',
  finish: 'Send',
  save: 'Save',
  languageSwitch: 'Language',
  yes: 'Yes',
  no: 'No',
  optional: '(optional)',
  scaleHint: (min: number, max: number) => `Choose a number from ${min} to ${max}.`,
  charactersMax: (max: number) => `Up to ${max} characters.`,
  voiceOnPhone: 'This question is answered by phone.',
  honeypot: 'Leave this field empty',
  errorSummary: 'Please check your answer',
  staleForm: 'This page was out of date. Please check your answer and send it again.',
  thankYouTitle: 'Thank you',
  changeAnswers: 'Change my answers',
  summaryTitle: 'Your answers',
  summaryIntro: 'You have already answered. You can change your answers until the survey closes.',
  change: 'Change',
  noAnswer: 'No answer',
  notFoundTitle: 'Survey not found',
  notFoundText: 'This link does not lead to a survey. Please check that it was copied in full.',
  expiredTitle: 'This link has expired',
  expiredText: 'The time to answer this survey is over. Thank you for your interest.',
  pausedTitle: 'The survey is paused',
  pausedText: 'This survey is not taking answers at the moment. Please try again later.',
  closedTitle: 'The survey is closed',
  closedText: 'This survey is no longer taking answers. Thank you for your interest.',
  tooManyTitle: 'Too many attempts',
  tooManyText: 'Please wait a minute and try again.',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again in a little while.',
  problems: {
    'answer.required': 'Please answer this question.',
    'answer.invalid_score': (d: { min?: number; max?: number }) => `Choose a whole number from ${d.min ?? 0} to ${d.max ?? 10}.`,
    'answer.invalid_yes_no': 'Choose yes or no.',
    'answer.invalid_choice': 'Choose one of the options.',
    'answer.unknown_option': 'Choose one of the options.',
    'answer.too_many_options': 'Choose only one option.',
    'answer.text_too_long': (d: { maxLength?: number }) => `Please shorten your answer to ${d.maxLength ?? ''} characters.`,
    other: 'This answer could not be accepted.',
  },
};

type Catalogue = typeof en;

const ru: Catalogue = {
  progress: (step, total) => `Вопрос ${step} из ${total}`,
  next: 'Далее',
  finish: 'Отправить',
  save: 'Сохранить',
  languageSwitch: 'Язык',
  yes: 'Да',
  no: 'Нет',
  optional: '(необязательно)',
  scaleHint: (min, max) => `Выберите число от ${min} до ${max}.`,
  charactersMax: (max) => `Не более ${max} символов.`,
  voiceOnPhone: 'На этот вопрос отвечают по телефону.',
  honeypot: 'Оставьте это поле пустым',
  errorSummary: 'Проверьте, пожалуйста, ответ',
  staleForm: 'Страница устарела. Проверьте ответ и отправьте его ещё раз.',
  thankYouTitle: 'Спасибо',
  changeAnswers: 'Изменить ответы',
  summaryTitle: 'Ваши ответы',
  summaryIntro: 'Вы уже ответили. Изменить ответы можно, пока опрос открыт.',
  change: 'Изменить',
  noAnswer: 'Нет ответа',
  notFoundTitle: 'Опрос не найден',
  notFoundText: 'По этой ссылке нет опроса. Проверьте, что она скопирована полностью.',
  expiredTitle: 'Срок действия ссылки истёк',
  expiredText: 'Время для ответа на этот опрос закончилось. Спасибо за интерес.',
  pausedTitle: 'Опрос приостановлен',
  pausedText: 'Сейчас опрос не принимает ответы. Попробуйте, пожалуйста, позже.',
  closedTitle: 'Опрос завершён',
  closedText: 'Опрос больше не принимает ответы. Спасибо за интерес.',
  tooManyTitle: 'Слишком много попыток',
  tooManyText: 'Подождите минуту и попробуйте снова.',
  errorTitle: 'Что-то пошло не так',
  errorText: 'Попробуйте, пожалуйста, чуть позже.',
  problems: {
    'answer.required': 'Пожалуйста, ответьте на этот вопрос.',
    'answer.invalid_score': (d) => `Выберите целое число от ${d.min ?? 0} до ${d.max ?? 10}.`,
    'answer.invalid_yes_no': 'Выберите «да» или «нет».',
    'answer.invalid_choice': 'Выберите один из вариантов.',
    'answer.unknown_option': 'Выберите один из вариантов.',
    'answer.too_many_options': 'Выберите только один вариант.',
    'answer.text_too_long': (d) => `Сократите, пожалуйста, ответ до ${d.maxLength ?? ''} символов.`,
    other: 'Этот ответ не удалось принять.',
  },
};

export const respondentText: Record<RespondentLocale, Catalogue> = { ru, en };

/** Interface strings for a survey language: Russian and English have their own; any other reads English. */
export const uiText = (language: string): Catalogue => (language === 'ru' || language.startsWith('ru-') ? ru : en);

/** A problem code from answer validation, said to the respondent. */
export function problemText(language: string, code: string, details: Record<string, unknown> = {}): string {
  const entry = (uiText(language).problems as Record<string, string | ((d: Record<string, unknown>) => string)>)[code] ?? uiText(language).problems.other;
  return typeof entry === 'function' ? entry(details) : entry;
}

/** A language's own name, for the switch. */
export const LANGUAGE_NAMES: Record<string, string> = { ru: 'Русский', en: 'English', kk: 'Қазақша', uk: 'Українська', de: 'Deutsch' };
