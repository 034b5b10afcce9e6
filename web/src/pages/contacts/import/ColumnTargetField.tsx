import { useId } from 'react';
import type { MessageKey } from '../../../i18n/index.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { ATTRIBUTE, attributeKey, attributeKeyFor, COMMON_ATTRIBUTES, CONTACT_FIELDS, isAttribute, type MappingRow } from './mappingModel.ts';

const CUSTOM = '__custom';

interface Props {
  row: MappingRow;
  index: number;
  onChange: (row: MappingRow) => void;
}

/** One file column: where it goes (a field, an attribute, or nowhere) and whether it must be filled. */
export function ColumnTargetField({ row, index, onChange }: Props) {
  const { t } = useI18n();
  const id = useId();
  const common = (COMMON_ATTRIBUTES as readonly string[]).map((key) => `${ATTRIBUTE}${key}`);
  const custom = isAttribute(row.target) && !common.includes(row.target);
  const selectValue = custom ? CUSTOM : row.target;

  const choose = (value: string) => {
    const target = value === CUSTOM ? `${ATTRIBUTE}${attributeKeyFor(row.column, index)}` : value;
    onChange({ ...row, target, required: target === '' ? false : row.required });
  };

  return (
    <li className={row.target ? 'mapping-row mapped' : 'mapping-row'}>
      <div className="mapping-column">
        <span className="mapping-header">{row.column}</span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('import.goesTo', { column: row.column })}</label>
        <select id={`${id}-target`} value={selectValue} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('import.ignore')}</option>
          <optgroup label={t('import.fields')}>
            {CONTACT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`contactField.${field}` as MessageKey)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('import.attributes')}>
            {COMMON_ATTRIBUTES.map((key) => (
              <option key={key} value={`${ATTRIBUTE}${key}`}>
                {t(`contactAttribute.${key}`)}
              </option>
            ))}
            <option value={CUSTOM}>{t('import.customAttribute')}</option>
          </optgroup>
        </select>
      </div>
      {custom && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('import.attributeKey')}</label>
          <input id={`${id}-key`} value={attributeKey(row.target)} onChange={(e) => onChange({ ...row, target: `${ATTRIBUTE}${e.target.value.trim()}` })} />
        </div>
      )}
      {row.target !== '' && (
        <label className="checkbox">
          <input type="checkbox" checked={row.required} onChange={(e) => onChange({ ...row, required: e.target.checked })} />
          <span>{t('import.mustBeFilled')}</span>
        </label>
      )}
    </li>
  );
}
