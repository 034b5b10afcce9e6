import { useState } from 'react';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { DomainError, npsFromCounts, type NpsResult } from '../../../../src/domain/metrics/index.ts';
import { CountsFieldset } from './CountsFieldset.tsx';
import { LEVEL, parseCounts, parseWhole, useNpsFormat, type CountsText } from './numbers.ts';

type Outcome = { kind: 'invalid' } | { kind: 'population' } | { kind: 'ok'; adjusted: NpsResult; wald: NpsResult };

export function NpsEstimateCard() {
  const { t } = useI18n();
  const format = useNpsFormat();
  const [counts, setCounts] = useState<CountsText>({ promoters: '60', passives: '25', detractors: '15' });
  const [population, setPopulation] = useState('');
  const outcome = estimate(counts, population);

  return (
    <section className="card" aria-labelledby="nps-estimate-title">
      <h2 id="nps-estimate-title">{t('nps.estimateTitle')}</h2>
      <div className="calc">
        <div>
          <CountsFieldset legend={t('nps.answers')} value={counts} onChange={setCounts} />
          <TextField
            label={`${t('nps.population')} ${t('common.optional')}`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            hint={t('nps.populationHint')}
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
            error={outcome.kind === 'population' ? t('nps.error.population') : undefined}
          />
        </div>
        <div className="calc-result" aria-live="polite">
          {outcome.kind === 'ok' && outcome.adjusted.n > 0 ? (
            <>
              <dl className="result-list">
                <dt>{t('nps.answers')}</dt>
                <dd>{format.count(outcome.adjusted.n)}</dd>
                <dt>{t('nps.score')}</dt>
                <dd className="result-main" data-testid="nps-score">
                  {outcome.adjusted.estimate === null ? t('common.none') : format.points(outcome.adjusted.estimate)}
                </dd>
                <dt>{t('nps.intervalAdjusted')}</dt>
                <dd data-testid="nps-interval-adjusted">{format.interval(outcome.adjusted.interval)}</dd>
                <dt>{t('nps.intervalWald')}</dt>
                <dd data-testid="nps-interval-wald">{format.interval(outcome.wald.interval)}</dd>
              </dl>
              {outcome.adjusted.smallSample && <p className="alert alert-warning">{t('nps.smallSample')}</p>}
            </>
          ) : (
            <p className="muted">{t('nps.enterCounts')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function estimate(countsText: CountsText, populationText: string): Outcome {
  const counts = parseCounts(countsText);
  const populationSize = parseWhole(populationText, 1);
  if (!counts) return { kind: 'invalid' };
  if (populationSize === null) return { kind: 'population' };
  try {
    return {
      kind: 'ok',
      adjusted: npsFromCounts(counts, { method: 'adjusted-wald', level: LEVEL, populationSize }),
      wald: npsFromCounts(counts, { method: 'wald', level: LEVEL, populationSize }),
    };
  } catch (error) {
    // Inputs are checked above; what is left is a population smaller than the sample.
    if (error instanceof DomainError) return { kind: 'population' };
    throw error;
  }
}
