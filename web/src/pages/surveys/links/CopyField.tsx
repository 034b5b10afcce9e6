import { useId, useRef, useState, type ReactNode } from 'react';
import { copyText } from '../../../clipboard.ts';
import { useI18n } from '../../../i18n/index.tsx';

interface Props {
  label: string;
  value: string;
  /** A code snippet: shown in a textarea so it wraps on a phone instead of scrolling sideways. */
  multiline?: boolean;
  hint?: string;
  /** More buttons next to Copy (e.g. Open). */
  children?: ReactNode;
  testId?: string;
}

/** A read-only value with a Copy button and a spoken "copied". */
export function CopyField({ label, value, multiline = false, hint, children, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await copyText(value, field.current)) ? 'copied' : 'failed');
  const common = { id, ref: field, readOnly: true, value, spellCheck: false, className: 'secret', 'aria-describedby': hint ? `${id}-hint` : undefined, onFocus: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => e.target.select(), 'data-testid': testId };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        {multiline ? <textarea rows={4} {...common} /> : <input {...common} />}
        <div className="copy-buttons">
          <button type="button" className="btn" onClick={() => void copy()}>
            {t('links.copy')}
          </button>
          {children}
        </div>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <p role="status" className="field-hint">
        {state === 'copied' ? t('links.copied') : state === 'failed' ? t('links.copyFailed') : ''}
      </p>
    </div>
  );
}
