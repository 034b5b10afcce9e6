import { useCallback } from 'react';
import type { DoNotContactEntry, DoNotContactKind } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction, useLoad } from '../../../hooks.ts';

/** The API's largest page: most tenants' whole list arrives at once. */
const PAGE_SIZE = 500;

export const entryKey = (e: { kind: DoNotContactKind; value: string }) => `${e.kind}:${e.value}`;

/** Kind, then value, as the server orders the list; each address once. */
function ordered(entries: DoNotContactEntry[]): DoNotContactEntry[] {
  const byKey = new Map(entries.map((e) => [entryKey(e), e]));
  return [...byKey.values()].sort((a, b) => (a.kind === b.kind ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.kind < b.kind ? -1 : 1));
}

/**
 * The tenant's list as loaded so far (page by page), kept up to date locally after an
 * add or a removal instead of reloading, so the pages already loaded stay.
 */
export function useDoNotContactList(tenantId: string) {
  const first = useLoad(() => api.listDoNotContact(tenantId, { limit: PAGE_SIZE }), [tenantId]);
  const { setData } = first;
  const loadMore = useAction(async (cursor: string) => {
    const page = await api.listDoNotContact(tenantId, { cursor, limit: PAGE_SIZE });
    setData((current) => ({ items: ordered([...(current?.items ?? []), ...page.items]), nextCursor: page.nextCursor }));
  });
  const added = useCallback(
    (entry: DoNotContactEntry) => setData((current) => current && { ...current, items: ordered([...current.items, entry]) }),
    [setData],
  );
  const removed = useCallback(
    (entry: DoNotContactEntry) => setData((current) => current && { ...current, items: current.items.filter((e) => entryKey(e) !== entryKey(entry)) }),
    [setData],
  );
  return { first, items: first.data?.items ?? [], nextCursor: first.data?.nextCursor ?? null, loadMore, added, removed };
}

/** Client-side filter of the loaded entries: text anywhere, or the digits of a number (spaces, dashes and brackets ignored). */
export function matchesFilter(entry: DoNotContactEntry, filter: string): boolean {
  const text = filter.trim().toLowerCase();
  if (text === '') return true;
  if (entry.value.toLowerCase().includes(text) || entry.reason.toLowerCase().includes(text)) return true;
  const digits = text.replace(/\D/g, '');
  return entry.kind === 'phone' && digits.length >= 3 && entry.value.replace(/\D/g, '').includes(digits);
}
