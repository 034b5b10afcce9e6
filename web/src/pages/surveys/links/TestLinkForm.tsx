import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { InvitationCreated } from '../../../linkTypes.ts';
import { rowProblems, rowsToAttributes, type AttributeRow } from './attributeRows.ts';
import { AttributeRowsEditor } from './AttributeRowsEditor.tsx';
import { OneTimeLink } from './OneTimeLink.tsx';

interface Props {
  tenantId: string;
  surveyId: string;
  languages: readonly string[];
  defaultLanguage: string;
}

/** A personal link without a contact, for trying the live survey (POST …/invitations, channel web). */
export function TestLinkForm({ tenantId, surveyId, languages, defaultLanguage }: Props) {
  const { t } = useI18n();
  const [language, setLanguage] = useState(defaultLanguage);
  const [rows, setRows] = useState<AttributeRow[]>([]);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const problems = rowProblems(rows);
  const create = useAction(() => api.createInvitation(tenantId, surveyId, { channel: 'web', language, attributes: rowsToAttributes(rows), test: true }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.some(Boolean)) return;
    setCreated(null);
    const invitation = await create.run();
    if (invitation) setCreated(invitation);
  };

  return (
    <section className="links-block" aria-labelledby="test-link-title">
      <h3 id="test-link-title">{t('links.test.title')}</h3>
      <p>{t('links.test.intro')}</p>
      <p className="alert alert-info">{t('links.test.counts')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SelectField label={t('links.test.language')} value={language} onChange={(e) => setLanguage(e.target.value)}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {code === 'ru' || code === 'en' ? t(`locale.${code}`) : code}
            </option>
          ))}
        </SelectField>
        <AttributeRowsEditor rows={rows} problems={problems} onChange={setRows} />
        <FormError error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? t('common.creating') : t('links.test.create')}
        </button>
      </form>
      {created && <OneTimeLink invitation={created} />}
    </section>
  );
}
