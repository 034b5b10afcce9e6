import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from '../../clipboard.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The plaintext token, shown once: a warning, the value, a copy button. */
export function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    setCopyState((await copyText(secret, input.current)) ? 'copied' : 'failed');
  };

  return (
    <section className="card card-warning" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} ref={heading} tabIndex={-1}>
        {t('tokens.secretTitle', { name })}
      </h2>
      <p className="alert alert-warning">{t('tokens.secretWarning')}</p>
      <div className="field">
        <label htmlFor={inputId}>{t('tokens.secretLabel')}</label>
        <div className="secret-row">
          <input
            id={inputId}
            ref={input}
            className="secret"
            readOnly
            value={secret}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="btn btn-primary" onClick={() => void copy()}>
            {t('tokens.copy')}
          </button>
        </div>
        <p role="status" className="field-hint">
          {copyState === 'copied' ? t('tokens.copied') : copyState === 'failed' ? t('tokens.copyFailed') : ''}
        </p>
      </div>
      <button type="button" className="btn" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </section>
  );
}
