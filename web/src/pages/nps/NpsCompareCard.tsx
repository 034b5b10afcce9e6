import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { compareNps } from '../../../../src/domain/metrics/index.ts';
import { CountsFieldset } from './CountsFieldset.tsx';
import { LEVEL, parseCounts, useNpsFormat, type CountsText } from './numbers.ts';

/** Is the difference between two NPS results real? A z test on the adjusted-Wald estimates. */
export function NpsCompareCard() {
  const { t } = useI18n();
  const format = useNpsFormat();
  const [a, setA] = useState<CountsText>({ promoters: '120', passives: '50', detractors: '30' });
  const [b, setB] = useState<CountsText>({ promoters: '100', passives: '55', detractors: '45' });
  const countsA = parseCounts(a);
  const countsB = parseCounts(b);
  const test = countsA && countsB ? compareNps(countsA, countsB, { level: LEVEL }) : null;

  return (
    <section className="card" aria-labelledby="nps-compare-title">
      <h2 id="nps-compare-title">{t('nps.compareTitle')}</h2>
      <div className="calc">
        <div className="groups">
          <CountsFieldset legend={t('nps.groupA')} value={a} onChange={setA} />
          <CountsFieldset legend={t('nps.groupB')} value={b} onChange={setB} />
        </div>
        <div className="calc-result" aria-live="polite">
          {test && test.difference !== null ? (
            <>
              <dl className="result-list">
                <dt>{t('nps.groupA')}</dt>
                <dd>{test.a.estimate === null ? t('common.none') : format.points(test.a.estimate)}</dd>
                <dt>{t('nps.groupB')}</dt>
                <dd>{test.b.estimate === null ? t('common.none') : format.points(test.b.estimate)}</dd>
                <dt>{t('nps.difference')}</dt>
                <dd className="result-main" data-testid="nps-difference">
                  {format.points(test.difference)}
                </dd>
                <dt>{t('nps.diffInterval')}</dt>
                <dd>{format.interval(test.interval)}</dd>
                <dt>{t('nps.pValue')}</dt>
                <dd data-testid="nps-p-value">{format.pValue(test.pValue)}</dd>
              </dl>
              <p className={test.significant ? 'alert alert-success' : 'alert alert-info'} data-testid="nps-significance">
                {test.significant ? t('nps.significant') : t('nps.notSignificant')}
              </p>
              {test.smallSample && <p className="alert alert-warning">{t('nps.smallSample')}</p>}
            </>
          ) : (
            <p className="muted">{t('nps.enterCounts')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
