/**
 * Which clock a contact lives on, so surveys are not sent at 3 a.m. The
 * evidence, strongest first: a time-zone column, the region, the phone
 * number's country (when that country has one zone), the tenant's default.
 * `source` says which one decided, so a person can see how sure we are.
 */
import { CAPITAL_ZONES, SINGLE_ZONE_COUNTRIES } from './countryZones.ts';
import { zoneForRussianRegion } from './russianRegions.ts';
import { foldText } from './text.ts';

export const PRODUCT_DEFAULT_TIMEZONE = 'Europe/Moscow';
/** Moscow time in hours east of UTC, for "МСК+4" (no daylight saving since 2014). */
const MOSCOW_OFFSET_HOURS = 3;

export type TimezoneSource =
  | 'column'
  | 'region'
  | 'phone'
  | 'tenant'
  /** The phone's country spans several zones (RU) and nothing else was known: its capital's zone, a guess. */
  | 'country_default';

export interface TimezoneEvidence {
  column?: string | null;
  region?: string | null;
  phoneCountry?: string | null;
  tenantDefault?: string | null;
}

export interface TimezoneResolution {
  timezone: string;
  source: TimezoneSource;
}

export function timezoneFor(evidence: TimezoneEvidence): TimezoneResolution {
  const column = evidence.column ? parseTimeZoneColumn(evidence.column) : null;
  if (column) return { timezone: column, source: 'column' };
  const region = evidence.region ? regionZone(evidence.region) : null;
  if (region) return { timezone: region, source: 'region' };
  const country = evidence.phoneCountry?.toUpperCase();
  const phoneZone = country ? SINGLE_ZONE_COUNTRIES[country] : undefined;
  if (phoneZone) return { timezone: phoneZone, source: 'phone' };
  const tenant = evidence.tenantDefault ? parseTimeZone(evidence.tenantDefault) : null;
  if (tenant) return { timezone: tenant, source: 'tenant' };
  return { timezone: (country && CAPITAL_ZONES[country]) || PRODUCT_DEFAULT_TIMEZONE, source: 'country_default' };
}

/**
 * A time zone as people write it, to an IANA name Intl accepts:
 * "Europe/Moscow" (any case), "UTC", "UTC+3", "GMT+03:00", "+05:00",
 * "МСК", "МСК+4". Fixed offsets become Etc/GMT∓N (whole hours only; the
 * Etc sign is inverted by POSIX convention). Null when it is none of these.
 */
export function parseTimeZone(text: string): string | null {
  const key = text.trim();
  if (key === '') return null;
  const cached = zoneCache.get(key);
  if (cached !== undefined) return cached;
  const zone = offsetZone(key) ?? canonicalIana(key);
  remember(zoneCache, key, zone);
  return zone;
}

/**
 * A time-zone column: a zone as parseTimeZone reads it, or a place we know
 * ("Екатеринбург", "Самарская обл."), since people fill the column that way too.
 */
export function parseTimeZoneColumn(text: string): string | null {
  return parseTimeZone(text) ?? regionZone(text);
}

function offsetZone(text: string): string | null {
  const folded = foldText(text);
  if (folded === 'utc' || folded === 'gmt' || folded === 'z') return 'UTC';
  const msk = /^(?:мск|msk)\s*(?:([+-−])\s*(\d{1,2}))?$/i.exec(text.trim());
  if (msk) {
    const hoursFromMoscow = (msk[1] === '+' ? 1 : -1) * Number(msk[2] ?? 0);
    return hoursFromMoscow === 0 ? 'Europe/Moscow' : etcZone(MOSCOW_OFFSET_HOURS + hoursFromMoscow);
  }
  const utc = /^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (!utc) return null;
  if (utc[3] !== undefined && utc[3] !== '00') return null; // +05:30 has no Etc zone; write the IANA name instead
  return etcZone((utc[1] === '+' ? 1 : -1) * Number(utc[2]));
}

function etcZone(hoursEast: number): string | null {
  if (hoursEast < -12 || hoursEast > 14) return null;
  if (hoursEast === 0) return 'UTC';
  return `Etc/GMT${hoursEast > 0 ? '-' : '+'}${Math.abs(hoursEast)}`;
}

function canonicalIana(text: string): string | null {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(text)) return null;
  try {
    // resolvedOptions gives ICU's canonical spelling: "europe/moscow" → "Europe/Moscow"
    // (and old aliases for some: "Asia/Kolkata" → "Asia/Calcutta"; both are valid everywhere we use zones).
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function regionZone(region: string): string | null {
  const cached = regionCache.get(region);
  if (cached !== undefined) return cached;
  const zone = zoneForRussianRegion(region);
  remember(regionCache, region, zone);
  return zone;
}

/**
 * Building an Intl.DateTimeFormat costs tens of microseconds; an import has
 * a handful of distinct zone and region spellings and a million rows. The
 * caches are capped so a file of garbage cannot grow them without bound.
 */
const CACHE_MAX_ENTRIES = 5_000;
const zoneCache = new Map<string, string | null>();
const regionCache = new Map<string, string | null>();

function remember(cache: Map<string, string | null>, key: string, value: string | null): void {
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(key, value);
}
