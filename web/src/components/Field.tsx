// Labelled inputs: every control has a <label>, and its hint and error are tied to it
// with aria-describedby so screen readers read them with the field.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldChrome {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function useFieldIds(id: string | undefined, { hint, error }: FieldChrome) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

function Chrome({ ids, chrome, control }: { ids: ReturnType<typeof useFieldIds>; chrome: FieldChrome; control: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={ids.controlId}>{chrome.label}</label>
      {control}
      {chrome.hint && (
        <p id={ids.hintId} className="field-hint">
          {chrome.hint}
        </p>
      )}
      {chrome.error && (
        <p id={ids.errorId} className="field-error">
          {chrome.error}
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>;

export function TextField({ label, hint, error, id, ...input }: TextFieldProps) {
  const ids = useFieldIds(id, { label, hint, error });
  const control = (
    <input id={ids.controlId} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
  );
  return <Chrome ids={ids} chrome={{ label, hint, error }} control={control} />;
}

export type SelectFieldProps = FieldChrome & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, hint, error, id, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(id, { label, hint, error });
  const control = (
    <select id={ids.controlId} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
      {children}
    </select>
  );
  return <Chrome ids={ids} chrome={{ label, hint, error }} control={control} />;
}
