import { describe, expect, it } from 'vitest';
import { renderInvitationEmail, type InvitationEmailInput } from '../../../src/domain/invitations/email.ts';
import { LOCALIZED_TEXT_MAX_LENGTH, templateDefinition, type SurveyDefinition } from '../../../src/domain/surveys/index.ts';

const RESPONDENT_URL = 'https://survey.example.com/s/tok_abc123';
const UNSUBSCRIBE_URL = 'https://survey.example.com/u/tok_abc123';
/** Gmail clips a message whose HTML is larger than 102 KB. */
const GMAIL_CLIP_BYTES = 102 * 1024;

const input = (definition: SurveyDefinition, over: Partial<InvitationEmailInput> = {}): InvitationEmailInput => ({
  definition,
  language: 'ru',
  respondentUrl: RESPONDENT_URL,
  unsubscribeUrl: UNSUBSCRIBE_URL,
  brand: { name: 'Телеком Плюс', colour: '#0a7d32' },
  ...over,
});

/** Every href in the HTML, with `&amp;` decoded as a browser would. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const scoreLinks = (html: string) => hrefs(html).filter((h) => h.includes('score='));

const openTextFirst = (): SurveyDefinition => ({
  defaultLanguage: 'en',
  languages: ['en'],
  anonymous: false,
  questions: [{ id: 'comment', type: 'open_text', text: { en: 'Tell us about your visit' }, label: { en: 'Comment' }, metricKey: null, required: true }],
  thankYou: { en: 'Thanks' },
});

describe('renderInvitationEmail', () => {
  describe('NPS', () => {
    it.each([
      ['ru', 'Анна', 'Здравствуйте, Анна!', 'Точно нет', 'Точно да', 'Насколько вероятно'],
      ['en', 'Anna', 'Hello, Anna,', 'Not at all likely', 'Extremely likely', 'how likely are you'],
    ])('renders 11 score buttons in %s with the scale labels', (language, recipientName, greeting, minLabel, maxLabel, question) => {
      const email = renderInvitationEmail(input(templateDefinition('transactional_nps'), { language, recipientName }));

      const links = scoreLinks(email.html);
      expect(links).toHaveLength(11);
      links.forEach((href, score) => {
        const url = new URL(href);
        expect(url.origin + url.pathname).toBe(RESPONDENT_URL);
        expect(url.searchParams.get('score')).toBe(String(score));
        expect(url.searchParams.get('lang')).toBe(language);
      });
      expect(email.html).toContain(`<html lang="${language}" dir="ltr">`);
      expect(email.html).toContain(greeting);
      expect(email.html).toContain(question);
      expect(email.html).toContain(minLabel);
      expect(email.html).toContain(maxLabel);
      expect(email.text).toContain(greeting);
      expect(email.text).toContain(`0 (${minLabel}) — ${links[0]}`);
      expect(email.text).toContain(`10 (${maxLabel}) — ${links[10]}`);
      expect(email.listUnsubscribe).toEqual({ url: UNSUBSCRIBE_URL });
    });

    it('greets without a name when none is given', () => {
      expect(renderInvitationEmail(input(templateDefinition('transactional_nps'))).text.startsWith('Здравствуйте!\n')).toBe(true);
      expect(renderInvitationEmail(input(templateDefinition('transactional_nps'), { language: 'en', recipientName: '  ' })).text.startsWith('Hello,\n')).toBe(true);
    });

    it('writes in the survey default language when the survey lacks the requested one', () => {
      const email = renderInvitationEmail(input(templateDefinition('transactional_nps'), { language: 'de' }));
      expect(email.html).toContain('<html lang="ru" dir="ltr">');
      expect(scoreLinks(email.html).every((h) => h.endsWith('lang=ru'))).toBe(true);
    });

    it('has a hidden preheader, buttons at least 40 px tall, and no external resources', () => {
      const { html } = renderInvitationEmail(input(templateDefinition('transactional_nps')));
      expect(html).toMatch(/<div style="display:none;[^"]*">Вспомните/);
      for (const [, height] of html.matchAll(/<td[^>]* height="(\d+)"/g)) expect(Number(height)).toBeGreaterThanOrEqual(40);
      expect(html).toContain('max-width:600px');
      expect(html).not.toMatch(/<(script|style|link|img)\b/i);
      expect(hrefs(html).every((h) => h.startsWith('https://survey.example.com/'))).toBe(true);
    });
  });

  it('renders CSAT as five buttons from 1 to 5', () => {
    const email = renderInvitationEmail(input(templateDefinition('post_call_csat_fcr'), { language: 'en' }));
    expect(scoreLinks(email.html).map((h) => new URL(h).searchParams.get('score'))).toEqual(['1', '2', '3', '4', '5']);
    expect(email.html).toContain('Very dissatisfied');
    expect(email.html).toContain('Very satisfied');
    expect(email.html).toContain('width="20%"');
  });

  it('shows a single answer button when the survey starts with an open question', () => {
    const email = renderInvitationEmail(input(openTextFirst(), { language: 'en' }));
    expect(scoreLinks(email.html)).toEqual([]);
    expect(hrefs(email.html)).toEqual([`${RESPONDENT_URL}?lang=en`, UNSUBSCRIBE_URL]);
    expect(email.html).toContain('Answer the survey');
    expect(email.text).toContain(`${RESPONDENT_URL}?lang=en`);
  });

  it('shows a single button for a rating scale too wide for one row', () => {
    const definition = templateDefinition('transactional_nps');
    definition.questions[0] = { id: 'r', type: 'rating', min: 0, max: 100, text: { ru: 'Оценка', en: 'Rating' }, label: { ru: 'R', en: 'R' }, metricKey: null, required: true };
    expect(scoreLinks(renderInvitationEmail(input(definition)).html)).toEqual([]);
  });

  it('escapes every interpolated value in the HTML', () => {
    const evil = `<script>alert("x")</script>'`;
    const definition = templateDefinition('transactional_nps');
    const first = definition.questions[0]!;
    first.text = { ru: evil, en: evil };
    if (first.type === 'nps') first.scaleLabels = [{ value: 0, label: { ru: evil, en: evil } }];
    const { html, text } = renderInvitationEmail(
      input(definition, { recipientName: `"><img src=x onerror=alert(1)>`, brand: { name: `Brand "<b>"`, colour: 'red;background:url(https://evil.example)' } }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('evil.example');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The plain-text part is not HTML: it keeps the text as written.
    expect(text).toContain(evil);
  });

  it('stays far below the size at which Gmail clips, even with the longest texts', () => {
    const typical = renderInvitationEmail(input(templateDefinition('transactional_nps')));
    expect(Buffer.byteLength(typical.html)).toBeLessThan(20 * 1024);

    // Worst case: every survey text at its maximum length, of characters that grow when escaped.
    const longest = '<"'.repeat(LOCALIZED_TEXT_MAX_LENGTH / 2);
    const definition = templateDefinition('transactional_nps');
    const first = definition.questions[0]!;
    first.text = { ru: longest, en: longest };
    if (first.type === 'nps') first.scaleLabels = [0, 10].map((value) => ({ value, label: { ru: longest, en: longest } }));
    const worst = renderInvitationEmail(input(definition, { recipientName: longest, brand: { name: longest } }));
    expect(Buffer.byteLength(worst.html)).toBeLessThan(GMAIL_CLIP_BYTES);
  });

  it('puts every link of the HTML part into the plain-text part', () => {
    for (const definition of [templateDefinition('transactional_nps'), templateDefinition('ces'), openTextFirst()]) {
      const email = renderInvitationEmail(input(definition, { language: 'en' }));
      const textLines = email.text.split('\n');
      for (const href of hrefs(email.html)) expect(textLines.some((line) => line.endsWith(href))).toBe(true);
      expect(email.text).toContain(`Unsubscribe from surveys: ${UNSUBSCRIBE_URL}`);
    }
  });
});
