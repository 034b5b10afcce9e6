// The survey settings form as the page edits it, and the way back to the API body. Server refusals
// come by position (`customDimensions.2.key`); they are pinned to the row they were about, so they
// stay with that row when others are added or removed, and go when that field is edited.
import { ApiError } from '../../../api.ts';
import type { Translate } from '../../../i18n/index.tsx';
import type { SurveySettingsInput, SurveySettingsView } from '../../../surveySettingsTypes.ts';

export type DimensionField = 'key' | 'ru' | 'en';

export interface DimensionRow {
  /** Local only: React's key and the anchor for the row's errors. */
  id: number;
  key: string;
  ru: string;
  en: string;
  errors: Partial<Record<DimensionField, string>>;
}

export interface SettingsForm {
  capEnabled: boolean;
  /** As typed; checked on save. */
  capDays: string;
  rows: DimensionRow[];
}

export const CAP_DAYS_DEFAULT = 90;
export const CAP_DAYS_MAX = 3650;

let nextRowId = 1;
export const newRow = (): DimensionRow => ({ id: nextRowId++, key: '', ru: '', en: '', errors: {} });

export function formFrom(view: SurveySettingsView): SettingsForm {
  return {
    capEnabled: view.frequencyCapDays !== null,
    capDays: String(view.frequencyCapDays ?? CAP_DAYS_DEFAULT),
    rows: view.customDimensions.map((d) => ({ ...newRow(), key: d.key, ru: d.label.ru, en: d.label.en })),
  };
}

/** The cap to send, or 'invalid' when what was typed is not a whole number of days in range. */
export function capFrom(form: SettingsForm): number | null | 'invalid' {
  if (!form.capEnabled) return null;
  const text = form.capDays.trim();
  if (!/^\d{1,4}$/.test(text)) return 'invalid';
  const days = Number(text);
  return days >= 1 && days <= CAP_DAYS_MAX ? days : 'invalid';
}

export function bodyFrom(form: SettingsForm, frequencyCapDays: number | null): SurveySettingsInput {
  return { frequencyCapDays, customDimensions: form.rows.map((r) => ({ key: r.key.trim(), label: { ru: r.ru, en: r.en } })) };
}

/** The server's field errors pinned to the rows that were sent, in the reader's language where the code is known. */
export function withServerErrors(rows: DimensionRow[], error: unknown, t: Translate): { rows: DimensionRow[]; capError: string | undefined; placed: string[] } {
  if (!(error instanceof ApiError)) return { rows, capError: undefined, placed: [] };
  const placed: string[] = [];
  let capError: string | undefined;
  const next = rows.map((r) => ({ ...r, errors: {} as DimensionRow['errors'] }));
  for (const e of error.errors) {
    if (e.path === 'frequencyCapDays') {
      capError ??= t('surveySettings.capInvalid');
      placed.push(e.path);
      continue;
    }
    const match = /^customDimensions\.(\d+)\.(key|label\.ru|label\.en)$/.exec(e.path);
    const row = match ? next[Number(match[1])] : undefined;
    if (!match || !row) continue;
    const field: DimensionField = match[2] === 'key' ? 'key' : match[2] === 'label.ru' ? 'ru' : 'en';
    row.errors[field] ??= describeFieldError(e.code, e.message, row, field, t);
    placed.push(e.path);
  }
  return { rows: next, capError, placed };
}

function describeFieldError(code: string | undefined, message: string, row: DimensionRow, field: DimensionField, t: Translate): string {
  if (code === 'dimension.invalid_key') return t('surveySettings.error.invalidKey');
  if (code === 'dimension.reserved_key') return t('surveySettings.error.reservedKey', { key: row.key.trim() });
  if (code === 'dimension.duplicate_key') return t('surveySettings.error.duplicateKey');
  if (field !== 'key' && code === 'too_small') return t('surveySettings.error.required');
  if (field !== 'key' && code === 'too_big') return t('surveySettings.error.tooLong');
  return message;
}
