/**
 * Every string of a survey invitation email around the survey's own texts. The survey's
 * question and scale labels come from its definition; these are the frame.
 */
export type InvitationEmailLocale = 'ru' | 'en';

export interface InvitationEmailCatalogue {
  subject: (brand: string) => string;
  greeting: (name: string | null) => string;
  /** The first paragraph, before the question or the button. */
  intro: (brand: string) => string;
  /** One-click hint above a scale: the click opens the survey, it does not yet record the score. */
  scaleHint: string;
  answerButton: string;
  /** Hidden preview line for an email without a scale question. */
  preheader: (brand: string) => string;
  /** Alternative text of one score button, read by screen readers ("Score 7 of 10"). */
  scoreTitle: (score: number, max: number) => string;
  /** Plain-text part: the line above the score links. */
  textChooseScore: string;
  /** Plain-text part: the line above the survey link. */
  textOpenSurvey: string;
  whyReceived: (brand: string) => string;
  unsubscribe: string;
  /** Plain-text part: "Unsubscribe: <url>". */
  textUnsubscribe: (url: string) => string;
}

const en: InvitationEmailCatalogue = {
  subject: (brand) => `${brand}: how did we do?`,
  greeting: (name) => (name ? `Hello, ${name},` : 'Hello,'),
  intro: (brand) => `${brand} would like to hear about your experience.`,
  scaleHint: 'Choose a score to open the survey; nothing is recorded until you send it.',
  answerButton: 'Answer the survey',
  preheader: (brand) => `${brand} would like your feedback`,
  scoreTitle: (score, max) => `Score ${score} of ${max}`,
  textChooseScore: 'Choose your score by opening one of these links:',
  textOpenSurvey: 'To answer, open this link:',
  whyReceived: (brand) => `You received this email because you recently contacted ${brand}.`,
  unsubscribe: 'Unsubscribe from surveys',
  textUnsubscribe: (url) => `Unsubscribe from surveys: ${url}`,
};

const ru: InvitationEmailCatalogue = {
  subject: (brand) => `${brand}: оцените нашу работу`,
  greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
  intro: (brand) => `${brand} просит вас ответить на короткий вопрос.`,
  scaleHint: 'Выберите оценку, чтобы открыть опрос; она сохранится, только когда вы отправите ответ.',
  answerButton: 'Пройти опрос',
  preheader: (brand) => `${brand} просит вас оценить нашу работу`,
  scoreTitle: (score, max) => `Оценка ${score} из ${max}`,
  textChooseScore: 'Выберите оценку, открыв одну из ссылок:',
  textOpenSurvey: 'Чтобы ответить, откройте ссылку:',
  whyReceived: (brand) => `Отправитель: ${brand}. Вы получили это письмо, потому что недавно обращались в эту компанию.`,
  unsubscribe: 'Отписаться от опросов',
  textUnsubscribe: (url) => `Отписаться от опросов: ${url}`,
};

export const invitationEmailText: Record<InvitationEmailLocale, InvitationEmailCatalogue> = { ru, en };

/** Russian for `ru` and its regional variants, English for every other language. */
export const invitationText = (language: string): InvitationEmailCatalogue =>
  language === 'ru' || language.startsWith('ru-') ? ru : en;
