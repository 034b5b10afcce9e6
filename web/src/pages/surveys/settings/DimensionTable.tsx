import { TableWrap } from '../../../components/TableWrap.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { DimensionView } from '../../../surveySettingsTypes.ts';

/** Dimensions as a read-only list: key and both names (the report shows the reader's). */
export function DimensionTable({ label, dimensions, testId }: { label: string; dimensions: DimensionView[]; testId: string }) {
  const { t } = useI18n();
  return (
    <TableWrap label={label}>
      <table className="dimension-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('surveySettings.key')}</th>
            <th scope="col">{t('surveySettings.nameRu')}</th>
            <th scope="col">{t('surveySettings.nameEn')}</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.key}>
              <th scope="row">
                <code>{d.key}</code>
              </th>
              <td lang="ru">{d.label.ru}</td>
              <td lang="en">{d.label.en}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
