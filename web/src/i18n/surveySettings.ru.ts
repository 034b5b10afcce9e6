// Русские строки экрана настроек опросов (Опросы → Настройки): ограничение частоты и разрезы ответов.
import type { surveySettingsEn } from './surveySettings.en.ts';

export const surveySettingsRu: Record<keyof typeof surveySettingsEn, string> = {
  'surveys.settingsLink': 'Настройки опросов',
  'surveySettings.title': 'Настройки опросов',
  'surveySettings.intro': 'Эти настройки действуют для всех опросов организации «{tenant}».',
  'surveySettings.readOnly': 'Вы можете просматривать настройки; менять их может только руководитель проекта.',
  'surveySettings.back': 'К списку опросов',

  'surveySettings.capTitle': 'Как часто опрашивать одного человека',
  'surveySettings.capEnabled': 'Ограничить частоту опросов одного человека',
  'surveySettings.capDays': 'Дней между опросами',
  'surveySettings.capExplain': 'Не чаще одного раза в {days} дн. по всем опросам этой организации; кампании пропускают тех, кого опрашивали позже.',
  'surveySettings.capExplainOff': 'Без ограничения: человека опросит каждая кампания, в которую он попадёт.',
  'surveySettings.capHint': 'От 1 до 3650 дней, например 90.',
  'surveySettings.capInvalid': 'Введите целое число дней от 1 до 3650.',
  'surveySettings.capNone': 'Без ограничения',

  'surveySettings.dimensionsTitle': 'Разрезы ответов',
  'surveySettings.dimensionsExplain':
    'Каждый ответ несёт эти признаки для разбивки в отчётах. Их значения берутся из контакта, события-триггера или приглашения.',
  'surveySettings.builtInTitle': 'Встроенные',
  'surveySettings.customTitle': 'Свои',
  'surveySettings.customEmpty': 'Своих разрезов пока нет.',
  'surveySettings.key': 'Ключ',
  'surveySettings.nameRu': 'Название по-русски',
  'surveySettings.nameEn': 'Название по-английски',
  'surveySettings.dimensionN': 'Разрез {n}',
  'surveySettings.keyHint': 'Строчные латинские буквы, цифры и _, первая — буква, например branch.',
  'surveySettings.addDimension': 'Добавить разрез',
  'surveySettings.removeDimension': 'Удалить разрез {n}',
  'surveySettings.maxReached': 'Не больше {max} разрезов.',
  'surveySettings.error.invalidKey': 'Только строчные латинские буквы, цифры и _, первая — буква (до 40 символов).',
  'surveySettings.error.reservedKey': '«{key}» — встроенный разрез; выберите другой ключ.',
  'surveySettings.error.duplicateKey': 'Такой ключ уже есть в списке.',
  'surveySettings.error.required': 'Введите название.',
  'surveySettings.error.tooLong': 'Не больше 100 символов.',

  'surveySettings.fixFields': 'Ничего не сохранено: исправьте отмеченные поля.',
  'surveySettings.save': 'Сохранить настройки',
  'surveySettings.saved': 'Настройки опросов сохранены.',
};
