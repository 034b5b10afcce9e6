import { useI18n } from '../../i18n/index.tsx';
import type { SurveyStatus } from '../../surveyTypes.ts';

const CLASS: Record<SurveyStatus, string> = {
  draft: 'badge badge-muted',
  active: 'badge badge-ok',
  paused: 'badge badge-warn',
  closed: 'badge badge-dark',
};

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useI18n();
  return <span className={CLASS[status]}>{t(`surveys.status.${status}`)}</span>;
}
