/** The screens a respondent answers on: the page, the website widget, the chat page. */
export const ANSWER_SURFACES = ['web', 'widget', 'chat'] as const;
export type AnswerSurface = (typeof ANSWER_SURFACES)[number];

/**
 * The channel a new response is recorded under. An invitation sent by a
 * particular channel (email, sms …) keeps it, so reports credit the channel
 * that reached the person; a plain web invitation or a public feedback link
 * takes the screen it was answered on (widget, chat), else 'web'.
 */
export function responseChannel(invitationChannel: string | null | undefined, surface: AnswerSurface | undefined): string {
  if (invitationChannel && invitationChannel !== 'web') return invitationChannel;
  return surface ?? invitationChannel ?? 'web';
}
