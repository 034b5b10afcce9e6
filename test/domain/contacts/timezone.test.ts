import { describe, expect, it } from 'vitest';
import { parseTimeZone, timezoneFor, zoneForRussianRegion, RUSSIAN_SUBJECT_COUNT } from '../../../src/domain/contacts/index.ts';
import { SINGLE_ZONE_COUNTRIES } from '../../../src/domain/contacts/countryZones.ts';
import { regionNameZones, regionZones } from '../../../src/domain/contacts/russianRegions.ts';

describe('timezoneFor: the strongest evidence decides', () => {
  const all = { column: 'Asia/Omsk', region: 'Приморский край', phoneCountry: 'BY', tenantDefault: 'Europe/Samara' };

  it('a time-zone column wins', () => {
    expect(timezoneFor(all)).toEqual({ timezone: 'Asia/Omsk', source: 'column' });
  });

  it('then the region', () => {
    expect(timezoneFor({ ...all, column: null })).toEqual({ timezone: 'Asia/Vladivostok', source: 'region' });
  });

  it('then the phone country, if the country has one zone', () => {
    expect(timezoneFor({ ...all, column: null, region: null })).toEqual({ timezone: 'Europe/Minsk', source: 'phone' });
  });

  it('then the tenant default; a Russian number says nothing about which Russian zone', () => {
    expect(timezoneFor({ phoneCountry: 'RU', tenantDefault: 'Asia/Novosibirsk' })).toEqual({ timezone: 'Asia/Novosibirsk', source: 'tenant' });
  });

  it('falls back to Moscow for a Russian number only when nothing else is known, and says so', () => {
    expect(timezoneFor({ phoneCountry: 'RU' })).toEqual({ timezone: 'Europe/Moscow', source: 'country_default' });
    expect(timezoneFor({})).toEqual({ timezone: 'Europe/Moscow', source: 'country_default' });
  });

  it('skips a column it cannot read instead of trusting it', () => {
    expect(timezoneFor({ column: 'Луна/Море', region: 'Омская обл.' })).toEqual({ timezone: 'Asia/Omsk', source: 'region' });
  });

  it('takes a place named in the time-zone column', () => {
    expect(timezoneFor({ column: 'Екатеринбург' })).toEqual({ timezone: 'Asia/Yekaterinburg', source: 'column' });
  });
});

describe('parseTimeZone', () => {
  it.each([
    ['Europe/Moscow', 'Europe/Moscow'],
    ['europe/moscow', 'Europe/Moscow'],
    ['UTC', 'UTC'],
    ['UTC+3', 'Etc/GMT-3'],
    ['GMT+03:00', 'Etc/GMT-3'],
    ['+05:00', 'Etc/GMT-5'],
    ['UTC−3', 'Etc/GMT+3'],
    ['МСК', 'Europe/Moscow'],
    ['МСК+4', 'Etc/GMT-7'],
    ['msk-1', 'Etc/GMT-2'],
  ])('%s → %s', (text, zone) => {
    expect(parseTimeZone(text)).toBe(zone);
  });

  it.each(['', 'Moscow time', 'Луна/Море', '+05:30', 'UTC+15', 'Europe/Atlantis'])('refuses %j', (text) => {
    expect(parseTimeZone(text)).toBeNull();
  });
});

describe('the Russian regions table', () => {
  it('lists all 89 federal subjects, each on a zone Intl knows', () => {
    expect(RUSSIAN_SUBJECT_COUNT).toBe(89);
    for (const zone of regionZones()) expect(parseTimeZone(zone), zone).not.toBeNull();
    for (const zone of Object.values(SINGLE_ZONE_COUNTRIES)) expect(parseTimeZone(zone), zone).not.toBeNull();
  });

  it('never lets one name point at two zones', () => {
    const ambiguous = [...regionNameZones()].filter(([, zones]) => zones.size > 1).map(([name]) => name);
    expect(ambiguous).toEqual([]);
  });

  it.each([
    ['Москва', 'Europe/Moscow'],
    ['г. Санкт-Петербург', 'Europe/Moscow'],
    ['St. Petersburg', 'Europe/Moscow'],
    ['Калининградская обл.', 'Europe/Kaliningrad'],
    ['Самарская область', 'Europe/Samara'],
    ['Свердловская обл.', 'Asia/Yekaterinburg'],
    ['Sverdlovsk Oblast', 'Asia/Yekaterinburg'],
    ['Екатеринбург', 'Asia/Yekaterinburg'],
    ['ОМСКАЯ ОБЛАСТЬ', 'Asia/Omsk'],
    ['Новосибирская область', 'Asia/Novosibirsk'],
    ['Красноярский край', 'Asia/Krasnoyarsk'],
    ['Иркутская обл', 'Asia/Irkutsk'],
    ['Республика Саха (Якутия)', 'Asia/Yakutsk'],
    ['Приморский край', 'Asia/Vladivostok'],
    ['Vladivostok', 'Asia/Vladivostok'],
    ['Магаданская область', 'Asia/Magadan'],
    ['Камчатский край', 'Asia/Kamchatka'],
    ['Ханты-Мансийский автономный округ - Югра', 'Asia/Yekaterinburg'],
    ['Кемеровская область - Кузбасс', 'Asia/Novokuznetsk'],
    ['Орёл', 'Europe/Moscow'],
    ['г. Москва, ул. Ленина, д. 1', 'Europe/Moscow'],
  ])('%s → %s', (text, zone) => {
    expect(zoneForRussianRegion(text)).toBe(zone);
  });

  it('knows nothing of places outside Russia', () => {
    expect(zoneForRussianRegion('Алматы')).toBeNull();
    expect(zoneForRussianRegion('')).toBeNull();
  });
});
