/** Loyalty templates: the Customer Loyalty Index and "would you miss us?". */
import { DEFAULT_WOULD_MISS_US_CATEGORY } from '../../metrics/index.ts';
import type { SurveyDefinition } from '../definition.ts';
import { DEFAULT_THANK_YOU, LIKELIHOOD_0_10_LABELS, ruEnLanguages, ruEn } from './shared.ts';

/** The CLI averages three 0–10 questions; each is a rating, not an NPS question, so none is mistaken for NPS. */
export const customerLoyaltyIndex: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'recommend',
      type: 'rating',
      min: 0,
      max: 10,
      text: ruEn(
        'Насколько вероятно, что вы порекомендуете нас друзьям или коллегам? Оцените от 0 до 10.',
        'How likely are you to recommend us to a friend or colleague? Please rate from 0 to 10.',
      ),
      label: ruEn('Готовность рекомендовать', 'Likelihood to recommend'),
      metricKey: 'cli.recommend',
      required: true,
      scaleLabels: LIKELIHOOD_0_10_LABELS,
    },
    {
      id: 'continue_using',
      type: 'rating',
      min: 0,
      max: 10,
      text: ruEn(
        'Насколько вероятно, что вы и дальше будете пользоваться нашими услугами? Оцените от 0 до 10.',
        'How likely are you to keep using our services? Please rate from 0 to 10.',
      ),
      label: ruEn('Готовность продолжать', 'Likelihood to continue'),
      metricKey: 'cli.continue',
      required: true,
      scaleLabels: LIKELIHOOD_0_10_LABELS,
    },
    {
      id: 'satisfaction',
      type: 'rating',
      min: 0,
      max: 10,
      text: ruEn(
        'Насколько в целом вы удовлетворены работой нашей компании? Оцените от 0 до 10.',
        'Overall, how satisfied are you with our company? Please rate from 0 to 10.',
      ),
      label: ruEn('Общая удовлетворённость', 'Overall satisfaction'),
      metricKey: 'cli.satisfaction',
      required: true,
      scaleLabels: [
        { value: 0, label: ruEn('Совсем не удовлетворены', 'Not at all satisfied') },
        { value: 10, label: ruEn('Полностью удовлетворены', 'Completely satisfied') },
      ],
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};

export const wouldMissUs: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'miss_us',
      type: 'single_choice',
      text: ruEn(
        'Представьте, что вы больше не можете пользоваться нашими услугами. Насколько вам будет нас не хватать?',
        'Imagine you could no longer use our services. How much would you miss us?',
      ),
      label: ruEn('Будет ли нас не хватать', 'Would miss us'),
      metricKey: 'miss_us',
      required: true,
      options: [
        { id: DEFAULT_WOULD_MISS_US_CATEGORY, label: ruEn('Очень', 'Very much') },
        { id: 'somewhat', label: ruEn('Немного', 'Somewhat') },
        { id: 'not_at_all', label: ruEn('Совсем не будет', 'Not at all') },
      ],
    },
    {
      id: 'valued',
      type: 'open_text',
      text: ruEn('Что для вас самое ценное в нашей работе?', 'What do you value most about us?'),
      label: ruEn('Что ценят', 'What they value'),
      metricKey: null,
      required: false,
      showIf: { when: { question: 'miss_us', op: 'in', value: [DEFAULT_WOULD_MISS_US_CATEGORY, 'somewhat'] } },
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};
