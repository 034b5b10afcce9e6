import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTenants } from '../../tenants.tsx';
import type { ApiTokenView, TenantView } from '../../types.ts';
import { NewTokenSecret } from './NewTokenSecret.tsx';
import { TokenCreateForm } from './TokenCreateForm.tsx';

/** `/t/:tenantId/api-tokens`. Keyed by tenant so switching tenants starts afresh (and drops a shown secret). */
export function ApiTokensPage() {
  const { current } = useTenants();
  return current ? <TenantTokens key={current.id} tenant={current} /> : null;
}

type TokenStatus = 'active' | 'revoked' | 'expired';

const statusOf = (token: ApiTokenView, nowMs: number): TokenStatus =>
  token.revokedAt ? 'revoked' : token.expiresAt && Date.parse(token.expiresAt) <= nowMs ? 'expired' : 'active';

function TenantTokens({ tenant }: { tenant: TenantView }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const tokens = useLoad(() => api.listTokens(tenant.id), [tenant.id]);
  const scopes = useLoad(() => api.listScopes(), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const revoke = useAction(async (token: ApiTokenView) => {
    await api.revokeToken(tenant.id, token.id);
    tokens.reload();
  });

  const onCreated = (token: ApiTokenView, secret: string) => {
    setCreating(false);
    setCreated({ name: token.name, secret });
    tokens.setData((data) => data && { items: [token, ...data.items] });
  };

  const nowMs = Date.now();
  const list = [...(tokens.data?.items ?? [])].sort(
    (a, b) => Number(statusOf(a, nowMs) !== 'active') - Number(statusOf(b, nowMs) !== 'active') || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <>
      <PageHeader title={t('tokens.title')}>
        {!creating && !created && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={!scopes.data}>
            {t('tokens.new')}
          </button>
        )}
      </PageHeader>
      <p className="muted">{t('tokens.intro', { tenant: tenant.name })}</p>

      {created && <NewTokenSecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      {creating && scopes.data && (
        <section className="card" aria-labelledby="token-create-title">
          <h2 id="token-create-title">{t('tokens.new')}</h2>
          <TokenCreateForm tenantId={tenant.id} scopes={scopes.data.items} onCreated={onCreated} onCancel={() => setCreating(false)} />
        </section>
      )}
      {!scopes.data && scopes.error !== null && <LoadState loading={false} error={scopes.error} reload={scopes.reload} />}

      {!tokens.data && <LoadState loading={tokens.loading} error={tokens.error} reload={tokens.reload} />}
      <FormError error={revoke.error} />
      {tokens.data && list.length === 0 && <p className="muted">{t('tokens.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('tokens.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => {
                const status = statusOf(token, nowMs);
                return (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>
                      <ul className="plain-list">
                        {token.scopes.map((scope) => (
                          <li key={scope}>
                            <code>{scope}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{formatDate(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('common.never')}</td>
                    <td>{token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')}</td>
                    <td>
                      <span className={status === 'active' ? 'badge badge-ok' : 'badge badge-muted'}>{t(`tokens.${status}`)}</span>
                    </td>
                    <td className="actions">
                      {status === 'active' && (
                        <ConfirmButton
                          label={t('tokens.revoke')}
                          action={t('tokens.revokeAction')}
                          question={t('tokens.confirmRevoke', { name: token.name })}
                          onConfirm={() => revoke.run(token)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
