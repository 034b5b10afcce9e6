import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/Feedback.tsx';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { FeedbackLinkView } from '../../../linkTypes.ts';
import { rowProblems, rowsToAttributes, type AttributeRow } from './attributeRows.ts';
import { AttributeRowsEditor } from './AttributeRowsEditor.tsx';

interface Props {
  tenantId: string;
  surveyId: string;
  onCreated: (link: FeedbackLinkView) => void;
}

/** Makes a permanent link, optionally tagged (region = north) for every answer it brings. */
export function FeedbackLinkForm({ tenantId, surveyId, onCreated }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useState<AttributeRow[]>([]);
  const problems = rowProblems(rows);
  const create = useAction(() => api.createFeedbackLink(tenantId, surveyId, { attributes: rowsToAttributes(rows) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.some(Boolean)) return;
    const link = await create.run();
    if (link) {
      setRows([]);
      onCreated(link);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="feedback-link-form">
      <AttributeRowsEditor rows={rows} problems={problems} onChange={setRows} />
      <FormError error={create.error} />
      <button type="submit" className="btn btn-primary" disabled={create.pending}>
        {create.pending ? t('common.creating') : t('links.feedback.create')}
      </button>
    </form>
  );
}
