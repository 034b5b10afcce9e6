/**
 * The rules applied before every send, in order. Pure: the dispatcher loads
 * what they need for a batch and applies the verdicts. A rule about *when*
 * (contact hours, send window) reschedules; a rule about *whether* (opted out,
 * no consent, no address, frequency cap) skips; an answer cancels the chain.
 */
import type { Channel } from './plan.ts';
import { nextAllowedInstant, type AllowedHours, type SendWindow } from './schedule.ts';

const DAY_MS = 86_400_000;

export interface AttemptFacts {
  channel: Channel;
  step: number;
  attempt: number;
  /** The person has started answering this invitation. */
  answered: boolean;
  invitationExpiresAt: Date;
  contact: {
    erased: boolean;
    email: string | null;
    phone: string | null;
    timezone: string | null;
    consent: { email: boolean | null; sms: boolean | null; voice: boolean | null };
    lastInvitedAt: Date | null;
    frequencyCapDays: number | null;
  } | null;
  /** The address (for this channel) is on the tenant's do-not-contact list. */
  doNotContact: boolean;
}

export interface RuleSettings {
  /** The tenant's zone, for people without one of their own. */
  tenantZone: string;
  contactHours: AllowedHours;
  sendWindow: SendWindow | null;
  tenantFrequencyCapDays: number | null;
  requireConsent: readonly Channel[];
}

export type SkipReason =
  | 'contact_erased'
  | 'no_contact'
  | 'no_address'
  | 'do_not_contact'
  | 'no_consent'
  | 'frequency_cap'
  | 'expired';

export type Verdict =
  | { kind: 'send'; address: string; zone: string }
  | { kind: 'wait'; until: Date }
  /** Not on this channel; `chain` says whether the rest of the plan may still go on (another channel may reach them). */
  | { kind: 'skip'; reason: SkipReason; chain: boolean }
  | { kind: 'cancel'; reason: 'answered' };

export function decide(facts: AttemptFacts, settings: RuleSettings, now: Date): Verdict {
  if (facts.answered) return { kind: 'cancel', reason: 'answered' };
  if (facts.invitationExpiresAt.getTime() <= now.getTime()) return { kind: 'skip', reason: 'expired', chain: false };
  const contact = facts.contact;
  if (!contact) return { kind: 'skip', reason: 'no_contact', chain: false };
  if (contact.erased) return { kind: 'skip', reason: 'contact_erased', chain: false };
  const address = facts.channel === 'email' ? contact.email : contact.phone;
  if (!address) return { kind: 'skip', reason: 'no_address', chain: true };
  if (facts.doNotContact) return { kind: 'skip', reason: 'do_not_contact', chain: true };
  const consent = contact.consent[facts.channel];
  if (consent === false || (consent === null && settings.requireConsent.includes(facts.channel))) {
    return { kind: 'skip', reason: 'no_consent', chain: true };
  }
  // The cap is about being asked at all: it applies to the chain's first message, not to its reminders.
  if (facts.step === 0 && facts.attempt === 1 && capped(contact, settings, now)) return { kind: 'skip', reason: 'frequency_cap', chain: false };
  const zone = contact.timezone ?? settings.tenantZone;
  const allowedAt = nextAllowedInstant(now, { zone, allowed: settings.contactHours, window: settings.sendWindow });
  if (allowedAt.getTime() > now.getTime()) return { kind: 'wait', until: allowedAt };
  return { kind: 'send', address, zone };
}

function capped(contact: NonNullable<AttemptFacts['contact']>, settings: RuleSettings, now: Date): boolean {
  const days = contact.frequencyCapDays ?? settings.tenantFrequencyCapDays;
  if (!days || !contact.lastInvitedAt) return false;
  return now.getTime() - contact.lastInvitedAt.getTime() < days * DAY_MS;
}
