import type { FeedbackLinkView } from '../../../linkTypes.ts';

/**
 * Where respondents reach this installation: the link's own URL minus `/f/<slug>`, so
 * the snippet uses the public address (PUBLIC_URL) even when the admin is opened by
 * another name, and keeps any path prefix a reverse proxy adds.
 */
export function publicBase(link: Pick<FeedbackLinkView, 'url' | 'slug'>): string {
  const suffix = `/f/${link.slug}`;
  return link.url.endsWith(suffix) ? link.url.slice(0, -suffix.length) : new URL(link.url).origin;
}

/** The website widget for a feedback link (docs/WIDGET.md); other data-* options are the site's choice. */
export const embedSnippet = (link: Pick<FeedbackLinkView, 'url' | 'slug'>): string =>
  `<script src="${publicBase(link)}/widget.js" data-voxpop-link="${link.slug}" async></script>`;
