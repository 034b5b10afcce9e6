/** The chat page's shell around the conversation; the conversation's own strings live with its script (web/widget/src/i18n.ts). */
const en = {
  title: 'Survey',
  log: 'Conversation',
  loading: 'Loading the survey…',
  noScript: 'This chat needs JavaScript. You can answer the same survey as a simple form:',
  openForm: 'open the form',
};

const ru: typeof en = {
  title: 'Опрос',
  log: 'Переписка',
  loading: 'Загружаем опрос…',
  noScript: 'Для чата нужен JavaScript. Ответить на тот же опрос можно в обычной форме:',
  openForm: 'открыть форму',
};

export const chatText = (language: string): typeof en => (language === 'ru' || language.startsWith('ru-') ? ru : en);
