// The campaign editor's form: strings as typed, turned into the API's body and back.
// Field paths are the server's (`plan.steps.0.delayMinutes`), so local and server
// errors land next to the same inputs.
import type { CampaignInput, CampaignLimits, CampaignStatus, CampaignView, Channel, PlanStep, SendWindow } from '../../campaignTypes.ts';
import type { Translate } from '../../i18n/index.tsx';

export type DelayUnit = 'hours' | 'days';

export interface StepForm {
  /** Stable React key; not sent. */
  key: string;
  channel: Channel;
  delay: string;
  delayUnit: DelayUnit;
  attempts: string;
  retryMinutes: string;
  subjectRu: string;
  subjectEn: string;
  introRu: string;
  introEn: string;
}

export interface AttributeRow {
  key: string;
  /** Comma-separated values: any of them matches. */
  values: string;
}

export interface CampaignForm {
  name: string;
  surveyId: string;
  audienceKind: 'contacts' | 'events';
  regions: string;
  languages: string;
  /** Kept as it came: the form has no control for it, but a saved draft may have one. */
  importId: string | undefined;
  eventType: string;
  eventDelay: string;
  eventDelayUnit: DelayUnit;
  attributes: AttributeRow[];
  steps: StepForm[];
  windowOn: boolean;
  windowDays: number[];
  windowFrom: string;
  windowTo: string;
  perMinuteEmail: string;
  perMinuteSms: string;
  maxMessages: string;
  consentEmail: boolean;
  consentSms: boolean;
  expiresInDays: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MINUTES: Record<DelayUnit, number> = { hours: 60, days: 1440 };

let nextKey = 0;
const newKey = () => `step-${++nextKey}`;

export function emptyStep(channel: Channel = 'email', first = false): StepForm {
  return { key: newKey(), channel, delay: first ? '0' : '1', delayUnit: 'days', attempts: '1', retryMinutes: '120', subjectRu: '', subjectEn: '', introRu: '', introEn: '' };
}

export function emptyForm(): CampaignForm {
  return {
    name: '',
    surveyId: '',
    audienceKind: 'contacts',
    regions: '',
    languages: '',
    importId: undefined,
    eventType: '',
    eventDelay: '0',
    eventDelayUnit: 'hours',
    attributes: [],
    steps: [emptyStep('email', true)],
    windowOn: false,
    windowDays: [1, 2, 3, 4, 5],
    windowFrom: '09:00',
    windowTo: '20:00',
    perMinuteEmail: '',
    perMinuteSms: '',
    maxMessages: '',
    consentEmail: false,
    consentSms: false,
    expiresInDays: '14',
  };
}

/** Minutes as the largest whole unit: 4320 → 3 days, 90 → 1.5 hours. */
export function splitMinutes(minutes: number): { value: string; unit: DelayUnit } {
  if (minutes > 0 && minutes % MINUTES.days === 0) return { value: String(minutes / MINUTES.days), unit: 'days' };
  return { value: String(Math.round((minutes / MINUTES.hours) * 100) / 100), unit: 'hours' };
}

const list = (values: readonly string[] | undefined) => (values ?? []).join(', ');
const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

export function formFrom(view: CampaignView): CampaignForm {
  const form = emptyForm();
  const audience = view.audience;
  if (audience.kind === 'contacts') {
    form.regions = list(audience.filter.regions);
    form.languages = list(audience.filter.languages);
    form.importId = audience.filter.importId;
    form.attributes = Object.entries(audience.filter.attributes ?? {}).map(([key, values]) => ({ key, values: list(values) }));
  } else {
    const delay = splitMinutes(audience.delayMinutes);
    form.audienceKind = 'events';
    form.eventType = audience.eventType;
    form.eventDelay = delay.value;
    form.eventDelayUnit = delay.unit;
    form.attributes = Object.entries(audience.filter).map(([key, values]) => ({ key, values: list(values) }));
  }
  const limits: CampaignLimits = view.limits ?? {};
  return {
    ...form,
    name: view.name,
    surveyId: view.surveyId,
    steps: view.plan.steps.map((step) => {
      const delay = splitMinutes(step.delayMinutes);
      return {
        key: newKey(),
        channel: step.channel,
        delay: delay.value,
        delayUnit: delay.unit,
        attempts: String(step.attempts),
        retryMinutes: String(step.retryMinutes),
        subjectRu: step.template.subject?.ru ?? '',
        subjectEn: step.template.subject?.en ?? '',
        introRu: step.template.intro?.ru ?? '',
        introEn: step.template.intro?.en ?? '',
      };
    }),
    windowOn: view.sendWindow !== null,
    windowDays: view.sendWindow?.days ?? form.windowDays,
    windowFrom: view.sendWindow?.from ?? form.windowFrom,
    windowTo: view.sendWindow?.to ?? form.windowTo,
    perMinuteEmail: numberText(limits.perMinute?.email),
    perMinuteSms: numberText(limits.perMinute?.sms),
    maxMessages: numberText(limits.maxMessages),
    consentEmail: limits.requireConsent?.includes('email') ?? false,
    consentSms: limits.requireConsent?.includes('sms') ?? false,
    expiresInDays: String(view.expiresInDays),
  };
}

/** What may still change: everything in a draft; after launch the name, plan, window and limits; nothing once finished. */
export function editableParts(status: CampaignStatus | null): { all: boolean; any: boolean } {
  if (status === null || status === 'draft') return { all: true, any: true };
  return { all: false, any: status === 'running' || status === 'paused' };
}

export type FormErrors = Record<string, string>;

interface Built {
  body: CampaignInput;
  errors: FormErrors;
}

/** The body for POST (or, cut down by `patchFrom`, PATCH), and the problems found before asking the server. */
export function bodyFrom(form: CampaignForm, t: Translate): Built {
  const errors: FormErrors = {};
  const whole = (text: string, path: string, { min = 0, optional = false } = {}): number | undefined => {
    const trimmed = text.trim();
    if (trimmed === '' && optional) return undefined;
    const n = Number(trimmed);
    if (trimmed === '' || !Number.isInteger(n) || n < min) {
      errors[path] = t('campaigns.error.wholeNumber', { min });
      return undefined;
    }
    return n;
  };
  const minutes = (text: string, unit: DelayUnit, path: string): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
      errors[path] = t('campaigns.error.delay');
      return 0;
    }
    return Math.round(n * MINUTES[unit]);
  };

  if (!form.name.trim()) errors.name = t('campaigns.error.required');
  if (!form.surveyId) errors.surveyId = t('campaigns.error.chooseSurvey');

  const attributes: Record<string, string[]> = {};
  form.attributes.forEach((row, i) => {
    const key = row.key.trim();
    const values = splitList(row.values);
    if (!key && values.length === 0) return;
    if (!key || values.length === 0) errors[`attributes.${i}`] = t('campaigns.error.attribute');
    else attributes[key] = values;
  });
  const audience: CampaignInput['audience'] =
    form.audienceKind === 'contacts'
      ? {
          kind: 'contacts',
          filter: {
            ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
            ...(splitList(form.regions).length > 0 ? { regions: splitList(form.regions) } : {}),
            ...(splitList(form.languages).length > 0 ? { languages: splitList(form.languages) } : {}),
            ...(form.importId ? { importId: form.importId } : {}),
          },
        }
      : {
          kind: 'events',
          eventType: form.eventType.trim(),
          delayMinutes: minutes(form.eventDelay, form.eventDelayUnit, 'audience.delayMinutes'),
          filter: attributes,
        };
  if (form.audienceKind === 'events' && !form.eventType.trim()) errors['audience.eventType'] = t('campaigns.error.required');

  const steps: PlanStep[] = form.steps.map((step, i) => {
    const path = `plan.steps.${i}`;
    const localized = (ru: string, en: string) => (ru.trim() || en.trim() ? { ...(ru.trim() ? { ru: ru.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) } : undefined);
    const subject = step.channel === 'email' ? localized(step.subjectRu, step.subjectEn) : undefined;
    const intro = localized(step.introRu, step.introEn);
    return {
      channel: step.channel,
      delayMinutes: minutes(step.delay, step.delayUnit, `${path}.delayMinutes`),
      attempts: whole(step.attempts, `${path}.attempts`, { min: 1 }) ?? 1,
      retryMinutes: whole(step.retryMinutes, `${path}.retryMinutes`, { min: 1 }) ?? 120,
      template: { ...(subject ? { subject } : {}), ...(intro ? { intro } : {}) },
    };
  });

  let sendWindow: SendWindow | null = null;
  if (form.windowOn) {
    if (form.windowDays.length === 0) errors['sendWindow.days'] = t('campaigns.error.days');
    sendWindow = { days: [...form.windowDays].sort((a, b) => a - b), from: form.windowFrom, to: form.windowTo };
  }

  const perMinute = {
    ...(form.perMinuteEmail.trim() ? { email: whole(form.perMinuteEmail, 'limits.perMinute.email', { min: 1 }) } : {}),
    ...(form.perMinuteSms.trim() ? { sms: whole(form.perMinuteSms, 'limits.perMinute.sms', { min: 1 }) } : {}),
  };
  const maxMessages = whole(form.maxMessages, 'limits.maxMessages', { min: 1, optional: true });
  const requireConsent = [...(form.consentEmail ? (['email'] as const) : []), ...(form.consentSms ? (['sms'] as const) : [])];
  const limits: CampaignLimits = {
    ...(Object.keys(perMinute).length > 0 ? { perMinute } : {}),
    ...(maxMessages !== undefined ? { maxMessages } : {}),
    ...(requireConsent.length > 0 ? { requireConsent } : {}),
  };
  const expiresInDays = whole(form.expiresInDays, 'expiresInDays', { min: 1 });

  return {
    body: { name: form.name.trim(), surveyId: form.surveyId, audience, plan: { steps }, sendWindow, limits, ...(expiresInDays !== undefined ? { expiresInDays } : {}) },
    errors,
  };
}

/** After launch the server takes only these (the survey and the audience are fixed by then). */
export function patchFrom(body: CampaignInput, all: boolean): Partial<CampaignInput> {
  if (all) return body;
  const { name, plan, sendWindow, limits } = body;
  return { name, plan, sendWindow, limits };
}

/** The first error at a path or below it: `plan.steps.0` shows what the server said about `plan.steps.0.attempts` too. */
export function errorAt(errors: FormErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return below ? errors[below] : undefined;
}

/** Error messages under `prefix` that no field in `shown` displays: the fieldset shows them itself. */
export function restAt(errors: FormErrors, prefix: string, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => (path === prefix || path.startsWith(`${prefix}.`)) && !shown.some((s) => path === s || path.startsWith(`${s}.`)))
    .map(([, message]) => message);
}

/** The parts of the body the editor shows errors for; a server error elsewhere is listed above the buttons. */
export const PLACED_ROOTS = ['name', 'surveyId', 'audience', 'plan', 'sendWindow', 'limits', 'expiresInDays', 'attributes'] as const;
export const isPlaced = (path: string) => PLACED_ROOTS.some((root) => path === root || path.startsWith(`${root}.`));

/** Moves an item of a list one place up (-1) or down (+1). */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
