import type { CampaignStatus } from '../../campaignTypes.ts';
import { useI18n } from '../../i18n/index.tsx';

const CLASS: Record<CampaignStatus, string> = {
  draft: 'badge badge-muted',
  running: 'badge badge-ok',
  paused: 'badge badge-warn',
  completed: 'badge badge-info',
  cancelled: 'badge badge-dark',
};

/** "Paused: budget reached" when the campaign stopped itself; the plain status otherwise. */
export function CampaignStatusBadge({ status, pauseReason }: { status: CampaignStatus; pauseReason: string | null }) {
  const { t } = useI18n();
  const text = status === 'paused' && pauseReason === 'budget' ? t('campaigns.status.pausedBudget') : t(`campaigns.status.${status}`);
  return <span className={CLASS[status]}>{text}</span>;
}
