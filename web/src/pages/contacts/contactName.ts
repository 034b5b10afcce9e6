import type { ContactView } from '../../contactTypes.ts';

/** How a person is named in lists: full name, else first/middle/last joined, else null. */
export function contactName(contact: ContactView): string | null {
  if (contact.fullName) return contact.fullName;
  const parts = [contact.lastName, contact.firstName, contact.middleName].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}
