import { z } from 'zod';
import { CUSTOM_DIMENSIONS_MAX, DIMENSION_LABEL_MAX_LENGTH } from '../../../domain/surveys/dimensions.ts';

/** Ten years; a longer cap is a typo rather than a policy. */
export const FREQUENCY_CAP_DAYS_MAX = 3650;

const label = z.string().trim().min(1).max(DIMENSION_LABEL_MAX_LENGTH);

/** Keys are checked by the use case (customDimensionKeyProblem), so a reserved key gets its own code. */
export const CustomDimensionInput = z.strictObject({
  key: z.string().trim().max(100),
  label: z.strictObject({ ru: label, en: label }),
});

export const SurveySettingsBody = z.strictObject({
  frequencyCapDays: z.number().int().min(1).max(FREQUENCY_CAP_DAYS_MAX).nullable(),
  customDimensions: z.array(CustomDimensionInput).max(CUSTOM_DIMENSIONS_MAX),
});
