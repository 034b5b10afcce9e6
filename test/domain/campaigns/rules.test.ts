import { describe, expect, it } from 'vitest';
import { decide, type AttemptFacts, type RuleSettings } from '../../../src/domain/campaigns/rules.ts';
import { nextAttempt, type ChannelPlan } from '../../../src/domain/campaigns/plan.ts';

const DAY = 86_400_000;
const settings: RuleSettings = { tenantZone: 'Europe/Moscow', contactHours: { from: '09:00', to: '21:00' }, sendWindow: null, tenantFrequencyCapDays: 30, requireConsent: [] };

function facts(over: Partial<AttemptFacts> = {}, contact: Partial<NonNullable<AttemptFacts['contact']>> = {}): AttemptFacts {
  return {
    channel: 'email',
    step: 0,
    attempt: 1,
    answered: false,
    invitationExpiresAt: new Date('2027-01-01T00:00:00Z'),
    doNotContact: false,
    contact: {
      erased: false,
      email: 'a@example.test',
      phone: '+79161234567',
      timezone: 'Europe/Moscow',
      consent: { email: null, sms: null, voice: null },
      lastInvitedAt: null,
      frequencyCapDays: null,
      ...contact,
    },
    ...over,
  };
}

describe('rules before a send', () => {
  it('cancels after an answer, skips the chain for an expired link, skips the channel for a missing address or do-not-contact', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(decide(facts({ answered: true }), settings, now)).toEqual({ kind: 'cancel', reason: 'answered' });
    expect(decide(facts({ invitationExpiresAt: now }), settings, now)).toMatchObject({ kind: 'skip', reason: 'expired', chain: false });
    expect(decide(facts({}, { email: null }), settings, now)).toMatchObject({ kind: 'skip', reason: 'no_address', chain: true });
    expect(decide(facts({ doNotContact: true }), settings, now)).toMatchObject({ kind: 'skip', reason: 'do_not_contact', chain: true });
    expect(decide(facts({}, { erased: true }), settings, now)).toMatchObject({ kind: 'skip', reason: 'contact_erased', chain: false });
  });

  it('consent: refused always blocks; unstated blocks only where the campaign requires consent', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(decide(facts({}, { consent: { email: false, sms: null, voice: null } }), settings, now)).toMatchObject({ kind: 'skip', reason: 'no_consent' });
    expect(decide(facts(), { ...settings, requireConsent: ['email'] }, now)).toMatchObject({ kind: 'skip', reason: 'no_consent' });
    expect(decide(facts({}, { consent: { email: true, sms: null, voice: null } }), { ...settings, requireConsent: ['email'] }, now).kind).toBe('send');
    expect(decide(facts({ channel: 'sms' }), { ...settings, requireConsent: ['email'] }, now).kind).toBe('send');
  });

  it('the frequency cap counts whole days, whatever the zone, and only for the first message of a chain', () => {
    // 29 days and 23 hours ago: still capped in every zone; 30 days: free again.
    const now = new Date('2026-03-10T08:00:00Z');
    for (const zone of ['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Vladivostok', 'Europe/Berlin', 'America/New_York']) {
      const recent = facts({}, { timezone: zone, lastInvitedAt: new Date(now.getTime() - 30 * DAY + 3_600_000) });
      const old = facts({}, { timezone: zone, lastInvitedAt: new Date(now.getTime() - 30 * DAY) });
      const zoned = { ...settings, contactHours: { from: '00:00', to: '24:00' } };
      expect(decide(recent, zoned, now), zone).toMatchObject({ kind: 'skip', reason: 'frequency_cap' });
      expect(decide(old, zoned, now).kind, zone).toBe('send');
      expect(decide({ ...recent, step: 1 }, zoned, now).kind, `${zone}: a reminder of the same chain`).toBe('send');
    }
    // The person's own cap wins over the organisation's.
    const personal = facts({}, { lastInvitedAt: new Date(now.getTime() - 5 * DAY), frequencyCapDays: 3 });
    expect(decide(personal, settings, now).kind).toBe('send');
  });

  it('contact hours are read in the person’s zone: one instant, three answers', () => {
    // 06:30 UTC = 08:30 Kaliningrad (wait), 09:30 Moscow (send), 16:30 Vladivostok (send).
    const now = new Date('2026-03-10T06:30:00Z');
    expect(decide(facts({}, { timezone: 'Europe/Kaliningrad' }), settings, now)).toEqual({ kind: 'wait', until: new Date('2026-03-10T07:00:00Z') });
    expect(decide(facts({}, { timezone: 'Europe/Moscow' }), settings, now).kind).toBe('send');
    expect(decide(facts({}, { timezone: 'Asia/Vladivostok' }), settings, now).kind).toBe('send');
    // 11:30 UTC = 21:30 Vladivostok: waits for 09:00 there, the next morning.
    expect(decide(facts({}, { timezone: 'Asia/Vladivostok' }), settings, new Date('2026-03-10T11:30:00Z'))).toEqual({ kind: 'wait', until: new Date('2026-03-10T23:00:00Z') });
    // No zone of their own: the organisation's.
    expect(decide(facts({}, { timezone: null }), { ...settings, tenantZone: 'Europe/Kaliningrad' }, now)).toMatchObject({ kind: 'wait' });
  });

  it('across a DST change the wait ends at 09:00 local wall time (Berlin, 29 March 2026)', () => {
    // Saturday 28 March 21:30 CET (20:30 UTC) → Sunday 09:00 CEST = 07:00 UTC, not 08:00.
    const verdict = decide(facts({}, { timezone: 'Europe/Berlin' }), settings, new Date('2026-03-28T20:30:00Z'));
    expect(verdict).toEqual({ kind: 'wait', until: new Date('2026-03-29T07:00:00Z') });
  });

  it('a send window (Mon–Fri 10–18) moves a Friday evening send to Monday 10:00 in the person’s zone', () => {
    const windowed = { ...settings, sendWindow: { days: [1, 2, 3, 4, 5], from: '10:00', to: '18:00' } };
    // Friday 13 March 2026, 19:00 Moscow.
    const verdict = decide(facts(), windowed, new Date('2026-03-13T16:00:00Z'));
    expect(verdict).toEqual({ kind: 'wait', until: new Date('2026-03-16T07:00:00Z') });
  });
});

describe('the chain', () => {
  const plan: ChannelPlan = {
    steps: [
      { channel: 'email', delayMinutes: 0, attempts: 2, retryMinutes: 120, template: {} },
      { channel: 'sms', delayMinutes: 1440, attempts: 1, retryMinutes: 60, template: {} },
    ],
  };
  const at = new Date('2026-03-10T08:00:00Z');
  it('a sent message is followed by its reminder, then the next step after its delay', () => {
    expect(nextAttempt(plan, 0, 1, 'sent', at)).toEqual({ step: 0, attempt: 2, channel: 'email', dueAt: new Date(at.getTime() + 2 * 3_600_000) });
    expect(nextAttempt(plan, 0, 2, 'sent', at)).toEqual({ step: 1, attempt: 1, channel: 'sms', dueAt: new Date(at.getTime() + DAY) });
    expect(nextAttempt(plan, 1, 1, 'sent', at)).toBeNull();
  });
  it('an unreachable channel skips its reminders and starts the next step at once', () => {
    expect(nextAttempt(plan, 0, 1, 'unreachable', at)).toEqual({ step: 1, attempt: 1, channel: 'sms', dueAt: at });
  });
});
