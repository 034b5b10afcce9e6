/** NPS templates: after a service contact (with the low-score reason) and periodic (relational). */
import type { SurveyDefinition } from '../definition.ts';
import { lowScoreFollowUp } from '../rule.ts';
import { NPS_DETRACTOR_MAX_SCORE } from '../scales.ts';
import { DEFAULT_THANK_YOU, LIKELIHOOD_0_10_LABELS, ruEnLanguages, ruEn } from './shared.ts';

export const transactionalNps: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'nps',
      type: 'nps',
      text: ruEn(
        'Вспомните ваше недавнее обращение к нам. Насколько вероятно, что вы порекомендуете нашу компанию друзьям или коллегам? Оцените от 0 до 10.',
        'Thinking about your recent contact with us, how likely are you to recommend our company to a friend or colleague? Please rate from 0 to 10.',
      ),
      label: ruEn('NPS', 'NPS'),
      metricKey: 'nps',
      required: true,
      scaleLabels: LIKELIHOOD_0_10_LABELS,
    },
    {
      id: 'low_score_reason',
      type: 'open_text',
      text: ruEn(
        'Нам жаль, что вы остались недовольны. Что нам стоит улучшить в первую очередь?',
        'We are sorry we let you down. What should we improve first?',
      ),
      label: ruEn('Что улучшить', 'What to improve'),
      metricKey: null,
      required: false,
      showIf: lowScoreFollowUp('nps', NPS_DETRACTOR_MAX_SCORE),
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};

export const relationalNps: SurveyDefinition = {
  ...ruEnLanguages(),
  anonymous: false,
  questions: [
    {
      id: 'nps',
      type: 'nps',
      text: ruEn(
        'Насколько вероятно, что вы порекомендуете нашу компанию друзьям или коллегам? Оцените от 0 до 10.',
        'How likely are you to recommend our company to a friend or colleague? Please rate from 0 to 10.',
      ),
      label: ruEn('NPS', 'NPS'),
      metricKey: 'nps',
      required: true,
      scaleLabels: LIKELIHOOD_0_10_LABELS,
    },
    {
      id: 'reason',
      type: 'open_text',
      text: ruEn('Расскажите, пожалуйста, почему вы поставили именно такую оценку.', 'What is the main reason for your score?'),
      label: ruEn('Причина оценки', 'Reason for score'),
      metricKey: null,
      required: false,
    },
  ],
  thankYou: DEFAULT_THANK_YOU,
};
