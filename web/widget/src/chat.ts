/**
 * The chat page (/c/:token): the survey as a conversation. Questions arrive
 * as the survey's bubbles in a log (role="log", announced politely), answers
 * as the respondent's bubbles; the reply area under the log holds the
 * current question's buttons or text field. The page's shell, language and
 * styles come from the server.
 */
import { client, problemText } from './api.ts';
import { answerText, controlsFor, firstControl } from './controls.ts';
import { answerCurrent, beginConversation, type Conversation } from './conversation.ts';
import { h } from './dom.ts';
import { strings } from './i18n.ts';

const main = document.getElementById('voxpop-chat');
if (main) void run(main);

async function run(main: HTMLElement) {
  const log = main.querySelector<HTMLElement>('.log')!;
  const reply = main.querySelector<HTMLElement>('.reply')!;
  let t = strings(main.dataset.lang ?? 'en');
  const api = client({ base: location.origin, token: main.dataset.token ?? null, slug: null }, 'chat');
  const bubble = (kind: 'bot' | 'me' | 'err', text: string, id?: string) => log.append(h('p', { class: `b ${kind}`, id }, text));
  let c: Conversation;
  try {
    c = await beginConversation(api, main.dataset.lang ?? null);
  } catch (err) {
    log.replaceChildren();
    return bubble('err', problemText(err, t));
  }
  t = strings(c.survey.language);
  log.replaceChildren();
  // A returning respondent sees what they said so far.
  for (const q of c.survey.questions) {
    if (!Object.hasOwn(c.answers, q.id)) continue;
    bubble('bot', q.text);
    bubble('me', answerText(q, c.answers[q.id]!, t));
  }

  let step = 0;
  const ask = () => {
    reply.replaceChildren();
    const question = c.current;
    if (!question) {
      bubble('bot', c.survey.thankYou || t.thankYou);
      return;
    }
    step += 1;
    const id = `q${step}`;
    bubble('bot', question.text, id);
    const controls = controlsFor(question, {
      t,
      labelledBy: id,
      answer: async (value) => {
        controls.setAttribute('aria-busy', 'true');
        controls.querySelectorAll('button').forEach((b) => (b.disabled = true));
        try {
          await answerCurrent(c, api, value);
          bubble('me', answerText(question, value, t));
          ask();
        } catch (err) {
          bubble('err', problemText(err, t));
          controls.removeAttribute('aria-busy');
          controls.querySelectorAll('button').forEach((b) => (b.disabled = false));
        }
      },
    });
    reply.append(controls);
    firstControl(controls)?.focus();
    controls.scrollIntoView({ block: 'end' });
  };
  ask();
}
