import { localize } from '../../domain/surveys/localizedText.ts';
import { TEXT_ANSWER_MAX_LENGTH, type Question } from '../../domain/surveys/question.ts';
import { questionScale } from '../../domain/surveys/scales.ts';
import { uiText } from '../../i18n/respondent.ts';
import { html, type Html } from './html.ts';

/** A scale wider than this is typed as a number instead of offered as buttons. */
const BUTTONS_MAX = 11;

export interface FieldContext {
  lang: string;
  fallback: string;
  /** The current (or preselected) answer of this question. */
  value: unknown;
  /** The message of its problem, if the last submission had one. */
  error: string | null;
}

export const fieldName = (question: Question) => `a_${question.id}`;
const errorId = (question: Question) => `e-${question.id}`;

export function questionField(question: Question, c: FieldContext): Html {
  const t = uiText(c.lang);
  const text = localize(question.text, c.lang, c.fallback) ?? question.id;
  const optional = question.required ? null : html` <span class="hint">${t.optional}</span>`;
  const error = c.error ? html`<p class="err" id="${errorId(question)}">${c.error}</p>` : null;
  const describedBy = (...ids: Array<string | null>) => ids.filter(Boolean).join(' ') || null;
  const name = fieldName(question);
  const scale = questionScale(question);

  if (question.type === 'open_text') {
    const max = question.maxLength ?? TEXT_ANSWER_MAX_LENGTH;
    const ids = describedBy(`h-${question.id}`, c.error ? errorId(question) : null);
    return html`<div class="field"><label class="q" for="f-${question.id}">${text}${optional}</label><p class="hint" id="h-${question.id}">${t.charactersMax(max)}</p>${error}<textarea id="f-${question.id}" name="${name}" maxlength="${max}" aria-describedby="${ids}"${c.error ? html` aria-invalid="true"` : null}${question.required ? html` required` : null}>${typeof c.value === 'string' ? c.value : ''}</textarea></div>`;
  }

  let choices: Array<{ value: string; label: string }>;
  let hint: Html | null = null;
  let kind: 'scale' | 'radio' | 'checkbox' = 'radio';
  if (scale && scale.max - scale.min + 1 > BUTTONS_MAX) {
    const ids = describedBy(`h-${question.id}`, c.error ? errorId(question) : null);
    return html`<div class="field"><label class="q" for="f-${question.id}">${text}${optional}</label><p class="hint" id="h-${question.id}">${t.scaleHint(scale.min, scale.max)}</p>${error}<input type="number" inputmode="numeric" id="f-${question.id}" name="${name}" min="${scale.min}" max="${scale.max}" step="1" value="${typeof c.value === 'number' ? c.value : ''}" aria-describedby="${ids}"${c.error ? html` aria-invalid="true"` : null}></div>`;
  } else if (scale) {
    kind = 'scale';
    choices = [];
    for (let v = scale.min; v <= scale.max; v += 1) choices.push({ value: String(v), label: String(v) });
    const labels = 'scaleLabels' in question ? (question.scaleLabels ?? []) : [];
    const endLabel = (v: number) => {
      const found = labels.find((l) => l.value === v);
      return found ? localize(found.label, c.lang, c.fallback) : null;
    };
    const low = endLabel(scale.min);
    const high = endLabel(scale.max);
    hint = html`<p class="hint" id="h-${question.id}">${t.scaleHint(scale.min, scale.max)}${low ? ` ${scale.min} — ${low}.` : ''}${high ? ` ${scale.max} — ${high}.` : ''}</p>`;
  } else if (question.type === 'fcr') {
    choices = [
      { value: 'yes', label: t.yes },
      { value: 'no', label: t.no },
    ];
  } else if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    kind = question.type === 'multiple_choice' ? 'checkbox' : 'radio';
    choices = question.options.map((o) => ({ value: o.id, label: localize(o.label, c.lang, c.fallback) ?? o.id }));
  } else {
    return html`<p class="hint">${t.voiceOnPhone}</p>`;
  }

  const chosen = new Set(
    (Array.isArray(c.value) ? c.value : [c.value]).map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v))),
  );
  const ids = describedBy(hint ? `h-${question.id}` : null, c.error ? errorId(question) : null);
  const input = (choice: { value: string }, i: number) =>
    html`<input type="${kind === 'checkbox' ? 'checkbox' : 'radio'}" id="f-${question.id}-${i}" name="${name}" value="${choice.value}"${chosen.has(choice.value) ? html` checked` : null}${question.required && kind !== 'checkbox' ? html` required` : null}>`;
  const items =
    kind === 'scale'
      ? html`<div class="scale">${choices.map((choice, i) => html`<label class="pt">${input(choice, i)}<span>${choice.label}</span></label>`)}</div>${endsRow(question, c)}`
      : choices.map((choice, i) => html`<div class="opt">${input(choice, i)}<label for="f-${question.id}-${i}">${choice.label}</label></div>`);
  return html`<fieldset${ids ? html` aria-describedby="${ids}"` : null}><legend>${text}${optional}</legend>${hint}${error}${items}</fieldset>`;
}

/** The scale's end captions under the buttons, for sighted readers (screen readers hear them in the hint). */
function endsRow(question: Question, c: FieldContext): Html | null {
  const scale = questionScale(question)!;
  const labels = 'scaleLabels' in question ? (question.scaleLabels ?? []) : [];
  const at = (v: number) => {
    const found = labels.find((l) => l.value === v);
    return found ? localize(found.label, c.lang, c.fallback) : null;
  };
  const low = at(scale.min);
  const high = at(scale.max);
  if (!low && !high) return null;
  return html`<div class="ends" aria-hidden="true"><span>${low ?? ''}</span><span>${high ?? ''}</span></div>`;
}
