/** Every string the widget and the chat page say around the survey's own texts (ru, en; other languages read English). */
const en = {
  close: 'Close',
  skip: 'Skip',
  next: 'Next',
  send: 'Send',
  yes: 'Yes',
  no: 'No',
  yourAnswer: 'Your answer',
  thankYou: 'Thank you',
  sending: 'Sending…',
  noAnswer: 'No answer',
  required: 'Please answer this question.',
  invalid: 'This answer could not be accepted. Please check it.',
  closed: 'This survey is not taking answers at the moment.',
  tooMany: 'Too many attempts. Please wait a minute and try again.',
  failed: 'Something went wrong. Please try again in a little while.',
};

export type Strings = typeof en;

const ru: Strings = {
  close: 'Закрыть',
  skip: 'Пропустить',
  next: 'Далее',
  send: 'Отправить',
  yes: 'Да',
  no: 'Нет',
  yourAnswer: 'Ваш ответ',
  thankYou: 'Спасибо',
  sending: 'Отправляем…',
  noAnswer: 'Нет ответа',
  required: 'Пожалуйста, ответьте на этот вопрос.',
  invalid: 'Этот ответ не удалось принять. Проверьте его, пожалуйста.',
  closed: 'Сейчас опрос не принимает ответы.',
  tooMany: 'Слишком много попыток. Подождите минуту и попробуйте снова.',
  failed: 'Что-то пошло не так. Попробуйте, пожалуйста, чуть позже.',
};

export const strings = (language: string): Strings => (language === 'ru' || language.startsWith('ru-') ? ru : en);
