/**
 * The embeddable widget: one script tag on any website.
 *
 *   <script src="https://voxpop.example/widget.js" data-voxpop-link="<feedback link slug>"
 *           data-trigger="immediate|delay:5000|scroll:50|exit|manual"
 *           data-position="bottom-right|bottom-left|center" data-lang="ru|en" async></script>
 *
 * (data-voxpop-token="<invitation token>" instead of the link for a personal survey.)
 * Everything it shows lives in a shadow root; window.Voxpop.open() opens it by hand.
 * Closing it unanswered is remembered for a while, and a finished survey is not offered again.
 */
import { client, problemText, type Link } from './api.ts';
import { answerText, controlsFor, firstControl } from './controls.ts';
import { answerCurrent, beginConversation, type Conversation } from './conversation.ts';
import { h } from './dom.ts';
import { strings, type Strings } from './i18n.ts';
import { WIDGET_CSS } from './widgetStyles.ts';

/** How long a closed widget stays closed for automatic triggers. */
const DISMISS_MS = 30 * 24 * 3600 * 1000;
const POSITIONS = ['bottom-right', 'bottom-left', 'center'];

const script = (document.currentScript ?? document.querySelector('script[data-voxpop-link],script[data-voxpop-token]')) as HTMLScriptElement | null;

if (script && !('Voxpop' in window)) setUp(script);

function setUp(tag: HTMLScriptElement) {
  const data = tag.dataset;
  const link: Link = { base: new URL(tag.src, location.href).origin, token: data.voxpopToken ?? null, slug: data.voxpopLink ?? null };
  const position = POSITIONS.includes(data.position ?? '') ? data.position! : 'bottom-right';
  // Without data-lang the server picks from the browser's Accept-Language.
  const language = data.lang ?? null;
  const key = `voxpop:${link.token ?? link.slug}`;
  const remembered = (name: string) => {
    try {
      return localStorage.getItem(`${key}:${name}`);
    } catch {
      return null; // storage blocked (private mode, sandbox): ask, but never crash the page
    }
  };
  const remember = (name: string, value: string) => {
    try {
      localStorage.setItem(`${key}:${name}`, value);
    } catch {
      /* see above */
    }
  };
  const quiet = () => remembered('done') !== null || Date.now() - Number(remembered('dismissed') ?? 0) < DISMISS_MS;

  let widget: ReturnType<typeof mount> | null = null;
  const open = (byHand: boolean) => {
    if (widget || (!byHand && quiet())) return;
    widget = mount({ link, position, language, byHand, remember, onClosed: () => (widget = null) });
  };
  (window as unknown as { Voxpop: object }).Voxpop = { open: () => open(true), close: () => widget?.close() };

  const [trigger, arg] = (data.trigger ?? 'immediate').split(':');
  const amount = Number(arg);
  if (trigger === 'delay') setTimeout(() => open(false), Number.isFinite(amount) ? amount : 5000);
  else if (trigger === 'scroll') {
    const percent = Number.isFinite(amount) ? amount : 50;
    const onScroll = () => {
      const doc = document.documentElement;
      const seen = ((scrollY + innerHeight) / Math.max(doc.scrollHeight, 1)) * 100;
      if (seen >= percent) {
        removeEventListener('scroll', onScroll);
        open(false);
      }
    };
    addEventListener('scroll', onScroll, { passive: true });
  } else if (trigger === 'exit') {
    const onLeave = (e: MouseEvent) => {
      if (e.relatedTarget === null && e.clientY <= 0) {
        document.removeEventListener('mouseout', onLeave);
        open(false);
      }
    };
    document.addEventListener('mouseout', onLeave);
  } else if (trigger !== 'manual') open(false);
}

interface MountOptions {
  link: Link;
  position: string;
  language: string | null;
  /** Opened by the visitor (Voxpop.open): focus moves in; an automatic popup does not steal focus. */
  byHand: boolean;
  remember: (name: string, value: string) => void;
  onClosed: () => void;
}

function mount(o: MountOptions) {
  const api = client(o.link, 'widget');
  const modal = o.position === 'center';
  const returnFocus = document.activeElement as HTMLElement | null;
  const host = document.createElement('voxpop-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);

  let t: Strings = strings(o.language ?? 'en');
  let conversation: Conversation | null = null;
  const question = h('p', { class: 'q', id: 'vx-q' });
  const body = h('div', {});
  const error = h('p', { class: 'err', role: 'alert' });
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => close() }, '×');
  const panel = h('section', { class: 'panel', role: 'dialog', 'aria-modal': modal ? 'true' : 'false', 'aria-labelledby': 'vx-q', tabindex: '-1' }, closeButton, question, body, error);
  const root = h('div', { class: `root ${o.position}` }, modal ? h('div', { class: 'backdrop', onclick: () => close() }) : null, panel);
  shadow.append(root);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab' && modal) trapFocus(e, panel);
  });
  (document.body ?? document.documentElement).append(host);

  function close() {
    if (!conversation?.completed) o.remember('dismissed', String(Date.now()));
    const hadFocus = shadow.activeElement !== null;
    host.remove();
    o.onClosed();
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus();
  }

  /** Keeps keyboard users where they were: focus follows into the new step only if it was already in the widget (or the visitor opened it). */
  function focusInto(target: HTMLElement | null, force = false) {
    if (force || shadow.activeElement !== null) (target ?? panel).focus();
  }

  /** `keepFocus`: focus was in the widget before the step changed (the pressed button is gone now). */
  function show(keepFocus = false) {
    const c = conversation!;
    body.replaceChildren();
    error.textContent = '';
    panel.classList.toggle('thanks', c.current === null);
    if (c.current === null) {
      question.textContent = t.thankYou;
      body.append(h('p', { class: 'muted' }, c.survey.thankYou), h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', onclick: () => close() }, t.close)));
      o.remember('done', '1');
      focusInto(body.querySelector('button'), keepFocus);
      return;
    }
    const current = c.current;
    question.textContent = current.text;
    const controls = controlsFor(current, {
      t,
      labelledBy: 'vx-q',
      answer: async (value) => {
        const hadFocus = shadow.activeElement !== null;
        controls.setAttribute('aria-busy', 'true');
        controls.querySelectorAll('button').forEach((b) => (b.disabled = true));
        try {
          await answerCurrent(c, api, value);
          show(hadFocus);
        } catch (err) {
          controls.removeAttribute('aria-busy');
          controls.querySelectorAll('button').forEach((b) => (b.disabled = false));
          error.textContent = problemText(err, t) + (value === null ? '' : ` (${answerText(current, value, t)})`);
          if (hadFocus) focusInto(firstControl(controls), true);
        }
      },
    });
    body.append(controls);
    focusInto(firstControl(controls), keepFocus);
  }

  question.textContent = t.sending;
  beginConversation(api, o.language)
    .then((c) => {
      conversation = c;
      t = strings(c.survey.language);
      closeButton.setAttribute('aria-label', t.close);
      if (c.completed && !o.byHand) return close();
      show();
      focusInto(firstControl(body), o.byHand || modal);
    })
    .catch((err) => {
      // An automatic popup for a survey that is closed or gone simply does not appear.
      if (!o.byHand) return host.remove(), o.onClosed();
      question.textContent = problemText(err, t);
      focusInto(closeButton, true);
    });

  return { close };
}

function adoptStyles(shadow: ShadowRoot) {
  // A constructed sheet is not inline style, so a host page's strict CSP (style-src without 'unsafe-inline') does not block it.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(h('style', {}, WIDGET_CSS));
  }
}

function trapFocus(e: KeyboardEvent, panel: HTMLElement) {
  const items = [...panel.querySelectorAll<HTMLElement>('button:not([disabled]), input, textarea')];
  const first = items[0];
  const last = items[items.length - 1];
  const active = (panel.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey && (active === first || active === panel)) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first?.focus();
  }
}
