/**
 * Every error code the API returns, with its HTTP status and a title in each
 * language. Clients switch on `code`; people read `title` and `detail`.
 */
export const ERROR_CODES = {
  validation: { status: 400, en: 'The request is not valid', ru: 'Запрос составлен неверно' },
  bad_request: { status: 400, en: 'The request could not be read', ru: 'Не удалось прочитать запрос' },
  unauthenticated: { status: 401, en: 'Sign in first', ru: 'Сначала войдите в систему' },
  'auth.invalid_credentials': { status: 401, en: 'Wrong email or password', ru: 'Неверная почта или пароль' },
  'auth.csrf': { status: 403, en: 'The security token of this page is missing or stale; reload the page', ru: 'Токен безопасности страницы отсутствует или устарел; обновите страницу' },
  'auth.link_invalid': { status: 400, en: 'This link is invalid, expired or already used', ru: 'Ссылка недействительна, устарела или уже использована' },
  forbidden: { status: 403, en: 'You are not allowed to do this', ru: 'У вас нет прав на это действие' },
  not_found: { status: 404, en: 'Not found', ru: 'Не найдено' },
  'tenant.slug_taken': { status: 409, en: 'This short name is already taken', ru: 'Это короткое имя уже занято' },
  'user.email_taken': { status: 409, en: 'A user with this email already exists', ru: 'Пользователь с такой почтой уже есть' },
  'user.last_owner': { status: 409, en: 'The installation must keep at least one active owner', ru: 'В системе должен остаться хотя бы один активный владелец' },
  'surveys.invalid': { status: 400, en: 'The survey has problems to fix before it can be launched', ru: 'В опросе есть ошибки, их нужно исправить перед запуском' },
  'surveys.wrong_status': { status: 409, en: 'The survey cannot do this in its current status', ru: 'В текущем статусе опроса это действие недоступно' },
  'survey.unknown_template': { status: 400, en: 'There is no such survey template', ru: 'Такого шаблона опроса нет' },
  'setup.done': { status: 409, en: 'Voxpop is already set up', ru: 'Voxpop уже настроен' },
  'auth.locked': { status: 429, en: 'Too many failed attempts; the account is locked for a while', ru: 'Слишком много неудачных попыток; учётная запись временно заблокирована' },
  'contacts.file_too_large': { status: 413, en: 'The file is larger than this installation accepts', ru: 'Файл больше, чем принимает эта установка' },
  'contacts.import_state': { status: 409, en: 'The import is not at a step where this can be done', ru: 'Импорт сейчас не на том шаге, где это можно сделать' },
  'contacts.external_id_taken': { status: 409, en: 'Another contact already has this external id', ru: 'Этот внешний идентификатор уже есть у другого контакта' },
  'contacts.outcomes_no_identifier': { status: 400, en: 'The outcomes file needs an external_id, phone or email column', ru: 'В файле результатов нужна колонка external_id, phone или email' },
  'contacts.outcomes_bad_column': { status: 400, en: 'A column of the outcomes file is not a valid outcome key', ru: 'Колонка файла результатов не является допустимым ключом результата' },
  'contacts.outcomes_no_outcome': { status: 400, en: 'The outcomes file has no outcome column', ru: 'В файле результатов нет ни одной колонки с результатом' },
  'contacts.outcomes_not_csv': { status: 400, en: 'Upload the outcomes as a CSV file', ru: 'Загрузите результаты файлом CSV' },
  'contacts.erased': { status: 409, en: 'This contact has been erased', ru: 'Этот контакт удалён по запросу' },
  'invitation.survey_not_active': { status: 409, en: 'The survey is not taking answers: launch or resume it first', ru: 'Опрос не принимает ответы: сначала запустите или возобновите его' },
  'invitation.duplicate': { status: 409, en: 'An invitation with this external key exists already', ru: 'Приглашение с таким внешним ключом уже создано' },
  'respondent.invalid_answers': { status: 400, en: 'Some answers are not valid', ru: 'Некоторые ответы недопустимы' },
  'respondent.link_expired': { status: 410, en: 'This survey link has expired', ru: 'Срок действия ссылки на опрос истёк' },
  'respondent.survey_paused': { status: 410, en: 'The survey is paused', ru: 'Опрос приостановлен' },
  'respondent.survey_closed': { status: 410, en: 'The survey is closed', ru: 'Опрос завершён' },
  'webhooks.already_delivered': { status: 409, en: 'This delivery has already been delivered', ru: 'Это событие уже доставлено' },
  'campaign.anonymous_survey': { status: 400, en: 'An anonymous survey cannot be sent to named people', ru: 'Анонимный опрос нельзя рассылать конкретным людям' },
  'campaign.launched': { status: 409, en: 'This cannot change after the campaign was launched', ru: 'Это нельзя изменить после запуска кампании' },
  'campaign.finished': { status: 409, en: 'The campaign is finished and can no longer change', ru: 'Кампания завершена и больше не меняется' },
  'campaign.not_draft': { status: 409, en: 'The campaign is no longer a draft', ru: 'Кампания уже не черновик' },
  'campaign.survey_not_active': { status: 409, en: 'Launch the survey before the campaign', ru: 'Сначала запустите опрос, потом кампанию' },
  'campaign.channel_unavailable': { status: 400, en: 'A channel of the plan is not available yet', ru: 'Один из каналов плана пока недоступен' },
  'campaign.invalid_transition': { status: 409, en: 'The campaign cannot do this in its current status', ru: 'В текущем статусе кампании это действие недоступно' },
  'schedule.invalid_rules': { status: 400, en: 'The contact hours or the send window allow no time at all', ru: 'Часы связи или окно отправки не оставляют ни одного допустимого времени' },
  'webhooks.invalid_url': { status: 400, en: 'The webhook address must be an http or https URL', ru: 'Адрес вебхука должен быть URL с http или https' },
  rate_limited: { status: 429, en: 'Too many requests; wait a little and try again', ru: 'Слишком много запросов; подождите немного и повторите' },
  not_ready: { status: 503, en: 'The service is not ready', ru: 'Сервис не готов' },
  internal: { status: 500, en: 'Something went wrong on our side', ru: 'Что-то пошло не так на нашей стороне' },
} as const satisfies Record<string, { status: number; en: string; ru: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);

/** Families of codes raised by the domain (e.g. `metrics.invalid_count`): all are input errors. */
const FAMILIES: Record<string, { status: number; en: string; ru: string }> = {
  'metrics.': { status: 400, en: 'The numbers given are not valid', ru: 'Переданы недопустимые числа' },
  'contacts.': { status: 400, en: 'The contact data could not be used', ru: 'Данные контактов не удалось использовать' },
  'surveys.': { status: 400, en: 'The survey is not valid', ru: 'Опрос составлен с ошибками' },
};

export function describeCode(code: string): { status: number; en: string; ru: string } | null {
  if (isErrorCode(code)) return ERROR_CODES[code];
  const family = Object.keys(FAMILIES).find((prefix) => code.startsWith(prefix));
  return family ? FAMILIES[family]! : null;
}
