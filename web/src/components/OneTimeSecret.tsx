import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from '../clipboard.ts';
import { useI18n } from '../i18n/index.tsx';

/** A secret shown once (an API token, a receiver URL): a warning, the value, a copy button. Focus lands on its title. */
export function OneTimeSecret({ title, warning, label, value, heading: Heading = 'h2', onDone }: { title: string; warning: string; label: string; value: string; heading?: 'h2' | 'h3'; onDone: () => void }) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    setCopyState((await copyText(value, input.current)) ? 'copied' : 'failed');
  };

  return (
    <section className="card card-warning" aria-labelledby={`${inputId}-title`}>
      <Heading id={`${inputId}-title`} ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      <p className="alert alert-warning">{warning}</p>
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <div className="secret-row">
          <input id={inputId} ref={input} className="secret" readOnly value={value} spellCheck={false} autoComplete="off" onFocus={(e) => e.target.select()} />
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
