/**
 * What an invitation email says, decided once and shared by its HTML and plain-text parts:
 * the language it is written in, the greeting, and either the first question's score links
 * or a single link to the survey.
 */
import { invitationText, type InvitationEmailCatalogue } from './strings.ts';
import type { SurveyDefinition } from '../surveys/definition.ts';
import { localize } from '../surveys/localizedText.ts';
import { isScaleQuestion } from '../surveys/question.ts';
import { questionScale } from '../surveys/scales.ts';

export interface InvitationEmailInput {
  definition: SurveyDefinition;
  /** The respondent's language; falls back to the survey's default when the survey is not in it. */
  language: string;
  /** Absolute URL of the respondent page, `/s/:token`. */
  respondentUrl: string;
  /** Absolute URL that accepts the RFC 8058 one-click POST (and a GET showing a confirmation). */
  unsubscribeUrl: string;
  brand: { name: string; /** `#rgb` or `#rrggbb`; anything else is ignored. */ colour?: string };
  recipientName?: string;
  /** The campaign's own words, replacing the built-in subject and first paragraph. */
  subject?: string;
  intro?: string;
}

/**
 * More buttons than an NPS row (0–10) do not fit a phone screen; a wider rating scale gets
 * the single "answer" button instead.
 */
export const SCORE_BUTTONS_MAX = 11;

export interface ScoreLink {
  score: number;
  url: string;
}

export interface ScaleBlock {
  questionText: string;
  scoreMax: number;
  links: ScoreLink[];
  /** Captions of the two ends of the scale, when the survey gives them. */
  minLabel: string | null;
  maxLabel: string | null;
}

export interface InvitationContent {
  /** The language actually written: `language` if the survey has it, else the survey's default. */
  lang: string;
  dir: 'ltr' | 'rtl';
  t: InvitationEmailCatalogue;
  brandName: string;
  /** Brand colour for buttons and the text colour that stays readable on it. */
  colour: string;
  onColour: string;
  greeting: string;
  intro: string;
  scale: ScaleBlock | null;
  /** The survey without a preselected score, in the email's language. */
  surveyUrl: string;
  unsubscribeUrl: string;
  preheader: string;
}

const DEFAULT_COLOUR = '#2563eb';
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** Primary language subtags written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function invitationContent(input: InvitationEmailInput): InvitationContent {
  const { definition } = input;
  const lang = definition.languages.includes(input.language) ? input.language : definition.defaultLanguage;
  const t = invitationText(lang);
  const brandName = oneLine(input.brand.name);
  const name = input.recipientName === undefined ? '' : oneLine(input.recipientName);
  const colour = input.brand.colour !== undefined && HEX_COLOUR.test(input.brand.colour) ? input.brand.colour : DEFAULT_COLOUR;
  const scale = scaleBlock(input, lang);
  return {
    lang,
    dir: RTL_LANGUAGES.has(lang.split('-')[0]!) ? 'rtl' : 'ltr',
    t,
    brandName,
    colour,
    onColour: readableTextOn(colour),
    greeting: t.greeting(name === '' ? null : name),
    intro: input.intro ? input.intro : t.intro(brandName),
    scale,
    surveyUrl: withParams(input.respondentUrl, { lang }),
    unsubscribeUrl: input.unsubscribeUrl,
    preheader: scale ? oneLine(scale.questionText) : t.preheader(brandName),
  };
}

function scaleBlock(input: InvitationEmailInput, lang: string): ScaleBlock | null {
  const first = input.definition.questions[0];
  if (!first || !isScaleQuestion(first)) return null;
  const scale = questionScale(first);
  // The respondent page accepts only non-negative scores in the link (`?score=` is digits).
  if (!scale || scale.min < 0 || scale.max - scale.min + 1 > SCORE_BUTTONS_MAX) return null;
  const fallback = input.definition.defaultLanguage;
  const questionText = localize(first.text, lang, fallback);
  if (questionText === null) return null;
  const labelOf = (value: number) => {
    const label = first.scaleLabels?.find((l) => l.value === value);
    return label ? localize(label.label, lang, fallback) : null;
  };
  const links: ScoreLink[] = [];
  for (let score = scale.min; score <= scale.max; score += 1) {
    // The link only opens the survey with this score preselected on the first question; the page
    // records nothing until the respondent submits it, so link scanners and previews that follow
    // every link in an email cannot cast a vote.
    links.push({ score, url: withParams(input.respondentUrl, { score: String(score), lang }) });
  }
  return { questionText, scoreMax: scale.max, links, minLabel: labelOf(scale.min), maxLabel: labelOf(scale.max) };
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** Names and brands go into a subject line and a greeting: no line breaks, no runs of spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Black or white, whichever contrasts more with `hex` (WCAG relative luminance). */
function readableTextOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r, g, b] = digits.map((d) => {
    const c = parseInt(d, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05); with black, (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#111111';
}
