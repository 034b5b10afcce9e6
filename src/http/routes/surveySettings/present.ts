import { z } from 'zod';
import type { SurveySettings } from '../../../app/surveySettings/surveySettings.ts';
import { BUILT_IN_DIMENSION_LABELS, DIMENSIONS } from '../../../domain/surveys/dimensions.ts';

const DimensionView = z.object({ key: z.string(), label: z.object({ ru: z.string(), en: z.string() }) });

export const SurveySettingsView = z.object({
  /** At most one survey per person in this many days, across all surveys of the tenant; null = no cap. */
  frequencyCapDays: z.number().int().nullable(),
  builtInDimensions: z.array(DimensionView),
  customDimensions: z.array(DimensionView),
});
export type SurveySettingsView = z.infer<typeof SurveySettingsView>;

export function presentSurveySettings(settings: SurveySettings): SurveySettingsView {
  return {
    frequencyCapDays: settings.frequencyCapDays,
    builtInDimensions: DIMENSIONS.map((key) => ({ key, label: { ...BUILT_IN_DIMENSION_LABELS[key] } })),
    customDimensions: settings.customDimensions.map(({ key, label }) => ({ key, label: { ru: label.ru, en: label.en } })),
  };
}
