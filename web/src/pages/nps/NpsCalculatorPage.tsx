import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { NpsCompareCard } from './NpsCompareCard.tsx';
import { NpsEstimateCard } from './NpsEstimateCard.tsx';
import { NpsSampleSizeCard } from './NpsSampleSizeCard.tsx';

/** A planning page: everything is computed in the browser by src/domain/metrics; nothing is sent. */
export function NpsCalculatorPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('nps.title')} />
      <p className="muted">{t('nps.intro')}</p>
      <div className="cards">
        <NpsEstimateCard />
        <NpsCompareCard />
        <NpsSampleSizeCard />
      </div>
    </>
  );
}
