/** Service-quality templates: post-call CSAT with FCR, and customer effort (CES). */
import type { SurveyDefinition } from '../definition.ts';
import { lowScoreFollowUp } from '../rule.ts';
import { DEFAULT_THANK_YOU, ruEnLanguages, ruEn } from './shared.ts';

/** "Satisfied" is 4–5 (top-2-box), so 3 and below deserve a question about what went wrong. */
const CSAT_FOLLOW_UP_THRESHOLD = 3;
/** 5–7 counts as easy on the CES scale; 3 and below is clearly hard. */
const CES_FOLLOW_UP_THRESHOLD = 3;

export const postCallCsatFcr: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'csat',
      type: 'csat',
      text: ruEn(
        'Оцените, пожалуйста, разговор с нашим специалистом от 1 до 5, где 1 — очень плохо, а 5 — отлично.',
        'How satisfied are you with your call with our specialist? Please rate from 1 (very dissatisfied) to 5 (very satisfied).',
      ),
      label: ruEn('CSAT', 'CSAT'),
      metricKey: 'csat',
      required: true,
      scaleLabels: [
        { value: 1, label: ruEn('Очень плохо', 'Very dissatisfied') },
        { value: 5, label: ruEn('Отлично', 'Very satisfied') },
      ],
    },
    {
      id: 'fcr',
      type: 'fcr',
      text: ruEn('Удалось ли решить ваш вопрос во время этого звонка?', 'Was your issue resolved during this call?'),
      label: ruEn('Решено с первого обращения', 'Resolved on first contact'),
      metricKey: 'fcr',
      required: true,
    },
    {
      id: 'improve',
      type: 'open_text',
      text: ruEn('Что можно было сделать лучше?', 'What could we have done better?'),
      label: ruEn('Что улучшить', 'What to improve'),
      metricKey: null,
      required: false,
      showIf: lowScoreFollowUp('csat', CSAT_FOLLOW_UP_THRESHOLD),
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};

export const customerEffort: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'ces',
      type: 'ces',
      text: ruEn(
        'Насколько легко вам было решить свой вопрос? Оцените от 1 до 7, где 1 — очень сложно, а 7 — очень легко.',
        'How easy was it to get your issue resolved? Please rate from 1 (very difficult) to 7 (very easy).',
      ),
      label: ruEn('CES', 'CES'),
      metricKey: 'ces',
      required: true,
      scaleLabels: [
        { value: 1, label: ruEn('Очень сложно', 'Very difficult') },
        { value: 7, label: ruEn('Очень легко', 'Very easy') },
      ],
    },
    {
      id: 'difficulty',
      type: 'open_text',
      text: ruEn('Что именно вызвало сложности?', 'What made it difficult?'),
      label: ruEn('Что было сложно', 'What was difficult'),
      metricKey: null,
      required: false,
      showIf: lowScoreFollowUp('ces', CES_FOLLOW_UP_THRESHOLD),
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};
