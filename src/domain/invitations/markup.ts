// Emails use the same escaping HTML builder as the respondent pages (src/domain/html.ts).
export { Html as Markup, html as markup, escapeHtml } from '../html.ts';
