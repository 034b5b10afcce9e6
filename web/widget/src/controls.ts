/**
 * How a question is answered on a screen, shared by the widget and the chat
 * page: score buttons (one press answers), yes/no, choices, free text. Every
 * control is a native button or form field, so it works by keyboard and is
 * named for screen readers; the group is labelled by the question.
 */
import type { PublicQuestion, Value } from './api.ts';
import { h } from './dom.ts';
import type { Strings } from './i18n.ts';

/** Scales longer than this are typed as a number rather than pressed as buttons. */
const MAX_SCALE_BUTTONS = 11;

export interface ControlOptions {
  t: Strings;
  /** Id of the element holding the question text. */
  labelledBy: string;
  /** null: skipped. */
  answer: (value: Value | null) => void;
}

export function controlsFor(q: PublicQuestion, o: ControlOptions): HTMLElement {
  const { t } = o;
  const box = h('div', { class: 'controls', role: 'group', 'aria-labelledby': o.labelledBy });
  const skip = q.required ? null : h('button', { type: 'button', class: 'link', onclick: () => o.answer(null) }, t.skip);
  const button = (text: string, value: Value, label?: string) =>
    h('button', { type: 'button', 'aria-label': label && label !== text ? `${text}, ${label}` : null, onclick: () => o.answer(value) }, text);

  if (q.type === 'fcr') {
    box.append(h('div', { class: 'opts' }, button(t.yes, true), button(t.no, false)));
  } else if (q.scale && q.scale.max - q.scale.min < MAX_SCALE_BUTTONS) {
    const { min, max } = q.scale;
    const labelOf = (v: number) => q.scaleLabels.find((l) => l.value === v)?.label;
    const scale = h('div', { class: 'scale' });
    for (let v = min; v <= max; v += 1) scale.append(button(String(v), v, labelOf(v)));
    box.append(scale, h('div', { class: 'ends', 'aria-hidden': 'true' }, h('span', {}, labelOf(min) ?? ''), h('span', {}, labelOf(max) ?? '')));
  } else if (q.scale) {
    const input = h('input', { type: 'number', min: q.scale.min, max: q.scale.max, step: 1, inputmode: 'numeric', 'aria-labelledby': o.labelledBy });
    box.append(h('div', { class: 'row' }, input, h('button', { type: 'button', class: 'primary', onclick: () => input.value !== '' && o.answer(Number(input.value)) }, t.next)));
  } else if (q.type === 'single_choice') {
    box.append(h('div', { class: 'opts col' }, ...q.options.map((opt) => button(opt.label, opt.id))));
  } else if (q.type === 'multiple_choice') {
    const boxes = q.options.map((opt) => h('input', { type: 'checkbox', value: opt.id }));
    const send = () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length > 0 || !q.required) o.answer(chosen.length > 0 ? chosen : null);
    };
    box.append(
      ...q.options.map((opt, i) => h('label', { class: 'opt' }, boxes[i]!, opt.label)),
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: send }, t.next)),
    );
  } else {
    const text = h('textarea', { rows: 3, maxlength: q.maxLength, 'aria-labelledby': o.labelledBy, placeholder: t.yourAnswer });
    const send = () => {
      const value = text.value.trim();
      if (value !== '' || !q.required) o.answer(value === '' ? null : value);
    };
    box.append(h('div', { class: 'row' }, text, h('button', { type: 'button', class: 'primary', onclick: send }, t.send)));
  }
  if (skip) box.append(skip);
  return box;
}

/** An answer as the respondent would say it: the score, yes/no, the options' labels, the text. */
export function answerText(q: PublicQuestion, value: Value | null, t: Strings): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.noAnswer;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (q.options.length > 0) return ([] as string[]).concat(value as string | string[]).map((id) => q.options.find((o) => o.id === id)?.label ?? id).join(', ');
  return String(value);
}

/** The first control of a question, for moving focus to it. */
export const firstControl = (box: HTMLElement) => box.querySelector<HTMLElement>('button, input, textarea');
