import { useState } from 'react';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { npsSampleSize, type NpsSampleSizePlan } from '../../../../src/domain/metrics/index.ts';
import { LEVEL, parseNumber, parseWhole, useNpsFormat } from './numbers.ts';

const MARGIN_MAX_POINTS = 200;

/** Answers needed for an adjusted-Wald interval of ±m NPS points. */
export function NpsSampleSizeCard() {
  const { t } = useI18n();
  const format = useNpsFormat();
  const [margin, setMargin] = useState('5');
  const [expected, setExpected] = useState('');
  const [population, setPopulation] = useState('');

  const marginPoints = parseNumber(margin, Number.MIN_VALUE, MARGIN_MAX_POINTS);
  const expectedNps = parseNumber(expected, -100, 100);
  const populationSize = parseWhole(population, 1);
  const plan: NpsSampleSizePlan | null =
    marginPoints != null && expectedNps !== null && populationSize !== null
      ? npsSampleSize({ marginPoints, level: LEVEL, expectedNps, populationSize })
      : null;

  return (
    <section className="card" aria-labelledby="nps-sample-title">
      <h2 id="nps-sample-title">{t('nps.sampleTitle')}</h2>
      <div className="calc">
        <div>
          <TextField
            label={t('nps.margin')}
            type="number"
            inputMode="decimal"
            min={0.1}
            max={MARGIN_MAX_POINTS}
            step="any"
            required
            value={margin}
            onChange={(e) => setMargin(e.target.value)}
            error={marginPoints == null ? t('nps.error.margin') : undefined}
          />
          <TextField
            label={`${t('nps.expected')} ${t('common.optional')}`}
            type="number"
            inputMode="decimal"
            min={-100}
            max={100}
            step="any"
            hint={t('nps.expectedHint')}
            value={expected}
            onChange={(e) => setExpected(e.target.value)}
            error={expectedNps === null ? t('nps.error.expected') : undefined}
          />
          <TextField
            label={`${t('nps.population')} ${t('common.optional')}`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
            error={populationSize === null ? t('nps.error.population') : undefined}
          />
        </div>
        <div className="calc-result" aria-live="polite">
          {plan && (
            <>
              <dl className="result-list">
                <dt>{t('nps.needed')}</dt>
                <dd className="result-main" data-testid="nps-sample-size">
                  {format.count(plan.requiredN)}
                </dd>
              </dl>
              <p className="muted small">
                {plan.assumption === 'worst-case'
                  ? t('nps.assumptionWorst')
                  : t('nps.assumptionExpected', { nps: format.points(expectedNps ?? 0) })}
              </p>
              {plan.populationSize !== null && (
                <p className="muted small">{t('nps.withoutPopulation', { n: format.count(plan.requiredNWithoutFpc) })}</p>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
