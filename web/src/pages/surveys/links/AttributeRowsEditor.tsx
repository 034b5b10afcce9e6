import { useId } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { emptyRow, type AttributeProblem, type AttributeRow } from './attributeRows.ts';

interface Props {
  rows: AttributeRow[];
  problems: (AttributeProblem | null)[];
  onChange: (rows: AttributeRow[]) => void;
}

/** Optional key = value pairs (region = north) that go with every answer through a link. */
export function AttributeRowsEditor({ rows, problems, onChange }: Props) {
  const { t } = useI18n();
  const base = useId();
  const set = (index: number, patch: Partial<AttributeRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="attribute-rows">
      <legend>{t('links.attributes')}</legend>
      <p className="field-hint">{t('links.attributesHint')}</p>
      {rows.map((row, i) => {
        const n = i + 1;
        const problem = problems[i];
        const errorId = problem ? `${base}-${n}-error` : undefined;
        return (
          <div key={i} className="attribute-row">
            <input aria-label={t('links.attributeKey', { n })} placeholder="region" value={row.key} onChange={(e) => set(i, { key: e.target.value })} aria-invalid={problem ? true : undefined} aria-describedby={errorId} autoCapitalize="off" spellCheck={false} />
            <span aria-hidden="true">=</span>
            <input aria-label={t('links.attributeValue', { n })} value={row.value} onChange={(e) => set(i, { value: e.target.value })} aria-invalid={problem ? true : undefined} aria-describedby={errorId} />
            <button type="button" className="btn btn-small" aria-label={t('links.removeAttribute', { n })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              ×
            </button>
            {problem && (
              <p className="field-error" id={errorId}>
                {t(problem)}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, emptyRow()])}>
        {t('links.addAttribute')}
      </button>
    </fieldset>
  );
}
