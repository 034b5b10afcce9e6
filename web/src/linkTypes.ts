// Shapes of the invitation and feedback-link API (docs/API-ISSUE4.md, "Invitations, answers, responses").

/** A personal link: `token` and `url` are shown in this answer only. */
export interface InvitationCreated {
  id: string;
  url: string;
  token: string;
  expiresAt: string;
}

export interface InvitationInput {
  attributes?: Record<string, string>;
  language?: string;
  channel?: 'web';
  /** A trial link: its answers are marked test and kept out of results. */
  test?: boolean;
}

/** A permanent public link to a survey, e.g. printed as a QR code or embedded as the widget. */
export interface FeedbackLinkView {
  id: string;
  surveyId: string;
  slug: string;
  url: string;
  /** Same-origin path of the QR code (SVG); served to the signed-in session. */
  qrUrl: string;
  attributes: Record<string, string>;
  active: boolean;
  createdAt: string;
}
