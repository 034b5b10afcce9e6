/**
 * A survey invitation by SMS: one short sentence and the link. Kept within
 * one UCS-2 part (70 characters) where the brand allows, since every extra
 * part is paid for; the link is never cut.
 */
export interface InvitationSmsInput {
  language: string;
  brandName: string;
  url: string;
  /** The campaign's own words before the link, replacing the built-in sentence. */
  intro?: string;
}

const SENTENCES: Record<'ru' | 'en', (brand: string) => string> = {
  ru: (brand) => `${brand}: оцените, пожалуйста, наше обслуживание`,
  en: (brand) => `${brand}: please rate our service`,
};

export function renderInvitationSms(input: InvitationSmsInput): string {
  const brand = input.brandName.replace(/\s+/g, ' ').trim();
  const lang = input.language === 'en' ? 'en' : 'ru';
  const sentence = input.intro ? input.intro.replace(/\s+/g, ' ').trim() : SENTENCES[lang](brand);
  return `${sentence} ${input.url}`;
}
