/** eNPS: anonymous, two questions — would you recommend us as an employer, and why. */
import type { SurveyDefinition } from '../definition.ts';
import { LIKELIHOOD_0_10_LABELS, ruEnLanguages, ruEn } from './shared.ts';

export const employeeNps: SurveyDefinition = {
  ...ruEnLanguages(),
  // Employees answer candidly only if no answer can be traced back to them.
  anonymous: true,
  questions: [
    {
      id: 'enps',
      type: 'nps',
      text: ruEn(
        'Насколько вероятно, что вы порекомендуете нашу компанию как место работы друзьям или знакомым? Оцените от 0 до 10.',
        'How likely are you to recommend our company as a place to work to a friend or acquaintance? Please rate from 0 to 10.',
      ),
      label: ruEn('eNPS', 'eNPS'),
      metricKey: 'enps',
      required: true,
      scaleLabels: LIKELIHOOD_0_10_LABELS,
    },
    {
      id: 'why',
      type: 'open_text',
      text: ruEn(
        'Почему вы поставили такую оценку? Опрос анонимный, так что пишите как есть.',
        'Why did you give this score? The survey is anonymous, so feel free to be candid.',
      ),
      label: ruEn('Причина оценки', 'Reason for score'),
      metricKey: null,
      required: false,
    },
  ],
  thankYou: ruEn(
    'Спасибо за откровенность! Опрос анонимный: мы видим только общие результаты.',
    'Thank you for being candid! The survey is anonymous: we only see overall results.',
  ),
};
