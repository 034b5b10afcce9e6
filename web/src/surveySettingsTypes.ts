// The survey settings of a tenant as the API shows them (src/http/routes/surveySettings/present.ts).
export interface DimensionLabel {
  ru: string;
  en: string;
}

export interface DimensionView {
  key: string;
  label: DimensionLabel;
}

export interface SurveySettingsView {
  /** At most one survey per person in this many days, across the tenant's surveys; null = no cap. */
  frequencyCapDays: number | null;
  builtInDimensions: DimensionView[];
  customDimensions: DimensionView[];
}

export interface SurveySettingsInput {
  frequencyCapDays: number | null;
  customDimensions: DimensionView[];
}
