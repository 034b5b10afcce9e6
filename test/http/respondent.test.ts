import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeLaunchedSurvey, setSurveyStatus } from '../factories/index.ts';
import { answerPage, formAction, freshIp, get, hiddenFields, invite, postForm, respondentWorld, textOf, type RespondentWorld } from './respondentHelpers.ts';

let w: RespondentWorld;
let surveyId: string;

beforeAll(async () => {
  w = await respondentWorld();
  surveyId = (await makeLaunchedSurvey(w.t.ctx, w.tenantId)).survey.id;
});
afterAll(async () => w.t.close());

const rows = async (invitationId: string) => {
  const responses = await w.t.ctx.db.execute<{ id: string; status: string; answers: Record<string, unknown>; ip: string | null }>(
    sql`select id, status, answers, ip from responses where invitation_id = ${invitationId}`,
  );
  const answers = await w.t.ctx.db.execute<{ question_id: string; score: number | null; text: string | null }>(
    sql`select question_id, score, text from answers where response_id in (select id from responses where invitation_id = ${invitationId}) order by question_id`,
  );
  return { responses: responses.rows, answers: answers.rows };
};

describe('respondent pages over the transactional NPS template', () => {
  it('asks the low-score reason after a 3, saves it, and thanks', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'en', attributes: { department: 'billing' } });
    const first = await get(w.t, inv.path, ip);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    expect(first.body).toContain('<html lang="en">');
    expect(textOf(first.body)).toContain('Question 1 of 1');
    expect(textOf(first.body)).toContain('Not at all likely');
    for (let score = 0; score <= 10; score += 1) expect(first.body).toContain(`name="a_nps" value="${score}"`);

    const afterScore = await postForm(w.t, formAction(first.body)!, { ...hiddenFields(first.body), a_nps: '3' }, ip);
    expect(afterScore.statusCode).toBe(303);
    expect(afterScore.headers.location).toBe(`${inv.path}?q=low_score_reason&lang=en`);
    const partial = await rows(inv.id);
    expect(partial.responses).toMatchObject([{ status: 'partial', answers: { nps: 3 } }]);

    const reasonPage = await get(w.t, afterScore.headers.location as string, ip);
    expect(textOf(reasonPage.body)).toContain('What should we improve first?');
    expect(textOf(reasonPage.body)).toContain('Question 2 of 2');
    const done = await postForm(w.t, inv.path, { ...hiddenFields(reasonPage.body), a_low_score_reason: '  Waited 40 minutes on hold  ' }, ip);
    expect(done.headers.location).toBe(`${inv.path}?done=1&lang=en`);
    const thanks = await get(w.t, done.headers.location as string, ip);
    expect(textOf(thanks.body)).toContain('Thank you for your answer!');

    const saved = await rows(inv.id);
    expect(saved.responses).toMatchObject([{ status: 'completed', answers: { nps: 3, low_score_reason: 'Waited 40 minutes on hold' }, ip }]);
    expect(saved.answers).toEqual([
      { question_id: 'low_score_reason', score: null, text: 'Waited 40 minutes on hold' },
      { question_id: 'nps', score: 3, text: null },
    ]);
  });

  it('skips the follow-up after a 9', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'en' });
    const res = await answerPage(w.t, inv.path, { a_nps: '9' }, ip);
    expect(res.headers.location).toBe(`${inv.path}?done=1&lang=en`);
    expect((await rows(inv.id)).responses).toMatchObject([{ status: 'completed', answers: { nps: 9 } }]);
  });

  it('one-click: GET ?score=3 shows the score chosen and the follow-up, and records nothing until sent', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'ru' });
    const page = await get(w.t, `${inv.path}?score=3`, ip);
    await get(w.t, `${inv.path}?score=3`, ip); // a link scanner, twice
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ru">');
    expect(page.body).toContain('name="a_nps" value="3" checked');
    expect(page.body).toContain('name="a_low_score_reason"');
    expect((await rows(inv.id)).responses).toEqual([]);

    const sent = await postForm(w.t, inv.path, { ...hiddenFields(page.body), a_nps: '3', a_low_score_reason: 'Долго ждал' }, ip);
    expect(sent.headers.location).toBe(`${inv.path}?done=1&lang=ru`);
    expect((await rows(inv.id)).responses).toMatchObject([{ status: 'completed', answers: { nps: 3, low_score_reason: 'Долго ждал' } }]);
  });

  it('one-click 10 brings no follow-up; a reason typed under a changed score of 9 is dropped', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'en' });
    const ten = await get(w.t, `${inv.path}?score=10`, ip);
    expect(ten.body).not.toContain('a_low_score_reason');
    const three = await get(w.t, `${inv.path}?score=3`, ip);
    const sent = await postForm(w.t, inv.path, { ...hiddenFields(three.body), a_nps: '9', a_low_score_reason: 'never mind' }, ip);
    expect(sent.statusCode).toBe(303);
    expect((await rows(inv.id)).responses).toMatchObject([{ answers: { nps: 9 } }]);
    expect((await rows(inv.id)).responses[0]!.answers).not.toHaveProperty('low_score_reason');
  });

  it('refuses a score of 11 and a skipped required question with messages tied to the field', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'en' });
    const page = await get(w.t, inv.path, ip);
    const eleven = await postForm(w.t, inv.path, { ...hiddenFields(page.body), a_nps: '11' }, ip);
    expect(eleven.statusCode).toBe(400);
    expect(textOf(eleven.body)).toContain('Choose a whole number from 0 to 10.');
    expect(eleven.body).toMatch(/<fieldset aria-describedby="h-nps e-nps">/);
    expect(eleven.body).toContain('<p class="err" id="e-nps">');
    expect(eleven.body).toContain('role="alert"');

    const skipped = await postForm(w.t, inv.path, { ...hiddenFields(page.body) }, ip);
    expect(skipped.statusCode).toBe(400);
    expect(textOf(skipped.body)).toContain('Please answer this question.');
    expect((await rows(inv.id)).responses).toEqual([]);

    const ru = await invite(w, surveyId, { language: 'ru' });
    const ruPage = await get(w.t, ru.path, ip);
    const ruSkipped = await postForm(w.t, ru.path, { ...hiddenFields(ruPage.body) }, ip);
    expect(textOf(ruSkipped.body)).toContain('Пожалуйста, ответьте на этот вопрос.');
  });

  it('discards a form whose hidden honeypot is filled, and refuses a forged page token', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId);
    const bot = await answerPage(w.t, inv.path, { a_nps: '0', website: 'http://spam.example' }, ip);
    expect(bot.statusCode).toBe(200);
    expect((await rows(inv.id)).responses).toEqual([]);
    const page = await get(w.t, inv.path, ip);
    const forged = await postForm(w.t, inv.path, { ...hiddenFields(page.body), _token: 'x'.repeat(22), a_nps: '5' }, ip);
    expect(forged.statusCode).toBe(403);
    expect((await rows(inv.id)).responses).toEqual([]);
  });

  it('shows a returning respondent their answers and lets them change them', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'en' });
    await answerPage(w.t, inv.path, { a_nps: '9' }, ip);
    const summary = await get(w.t, inv.path, ip);
    expect(textOf(summary.body)).toContain('Your answers');
    expect(summary.body).toContain(`href="${inv.path}?q=nps&amp;lang=en"`);
    const changed = await answerPage(w.t, `${inv.path}?q=nps&lang=en`, { a_nps: '4' }, ip);
    expect(changed.headers.location).toBe(`${inv.path}?q=low_score_reason&lang=en`);
    await answerPage(w.t, changed.headers.location as string, { a_low_score_reason: 'Second thoughts' }, ip);
    expect((await rows(inv.id)).responses).toMatchObject([{ status: 'completed', answers: { nps: 4, low_score_reason: 'Second thoughts' } }]);
  });

  it('switches language with ?lang and links to the other language', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'ru' });
    const ru = await get(w.t, inv.path, ip);
    expect(ru.body).toContain(`href="${inv.path}?lang=en" lang="en" hreflang="en"`);
    const en = await get(w.t, `${inv.path}?lang=en`, ip);
    expect(en.body).toContain('<html lang="en">');
    expect(textOf(en.body)).toContain('how likely are you to recommend');
  });

  it('answers unknown, expired, paused and closed links with friendly pages in the respondent’s language', async () => {
    const ip = freshIp();
    const unknown = await get(w.t, '/s/AAAAAAAAAAAAAAAAAAAAAA', ip, { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(unknown.statusCode).toBe(404);
    expect(textOf(unknown.body)).toContain('Опрос не найден');
    expect(unknown.headers['content-type']).toContain('text/html');

    const inv = await invite(w, surveyId, { language: 'ru', expiresInDays: 1 });
    w.t.clock.advance(2 * 86_400_000);
    const expired = await get(w.t, inv.path, ip);
    w.t.clock.advance(-2 * 86_400_000);
    expect(expired.statusCode).toBe(410);
    expect(textOf(expired.body)).toContain('Срок действия ссылки истёк');

    const other = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const paused = await invite(w, other.survey.id, { language: 'en' });
    await setSurveyStatus(w.t.ctx.db, other.survey.id, 'paused');
    expect(textOf((await get(w.t, paused.path, ip)).body)).toContain('The survey is paused');
    await setSurveyStatus(w.t.ctx.db, other.survey.id, 'closed');
    const closed = await get(w.t, paused.path, ip);
    expect(closed.statusCode).toBe(410);
    expect(textOf(closed.body)).toContain('The survey is closed');
    const post = await postForm(w.t, paused.path, { a_nps: '5' }, ip);
    expect(post.statusCode).toBe(410);
  });

  it('keeps an anonymous survey’s answers free of contact, IP address and user agent', async () => {
    const ip = freshIp();
    const anon = await makeLaunchedSurvey(w.t.ctx, w.tenantId, { templateId: 'enps' });
    const contact = await makeContact(w.t.ctx, w.tenantId, { attributes: { department: 'support' } });
    const inv = await invite(w, anon.survey.id, { contactId: contact.id, language: 'en' });
    const page = await get(w.t, inv.path, ip);
    const questionId = /name="a_([a-z_]+)"/.exec(page.body)![1]!;
    await postForm(w.t, inv.path, { ...hiddenFields(page.body), [`a_${questionId}`]: '8' }, ip);
    const stored = await w.t.ctx.db.execute<Record<string, unknown>>(
      sql`select r.contact_id, r.ip, r.user_agent, r.anonymous, r.attributes, i.contact_id as invitation_contact from responses r join invitations i on i.id = r.invitation_id where i.id = ${inv.id}`,
    );
    expect(stored.rows).toEqual([{ contact_id: null, ip: null, user_agent: null, anonymous: true, attributes: { department: 'support' }, invitation_contact: null }]);

    const named = await invite(w, surveyId, { contactId: contact.id });
    await answerPage(w.t, named.path, { a_nps: '10' }, ip);
    const identified = await w.t.ctx.db.execute<Record<string, unknown>>(sql`select contact_id, ip, user_agent from responses where invitation_id = ${named.id}`);
    expect(identified.rows[0]).toMatchObject({ contact_id: contact.id, ip });
  });

  it('keeps a question page well under 50 KB, with no script and accessible markup', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'ru' });
    const page = await get(w.t, `${inv.path}?score=2`, ip);
    const bytes = Buffer.byteLength(page.body);
    console.info(`respondent question page: ${bytes} bytes uncompressed`);
    expect(bytes).toBeLessThan(50 * 1024);
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<legend>');
    expect(page.body).toContain('<label class="q" for="f-low_score_reason">');
    expect(page.body).toMatch(/<meta name="viewport"/);
  });
});
