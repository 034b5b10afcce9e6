/**
 * Countries whose people all live on one clock, so a phone number's country
 * settles the zone. Countries that span several zones (RU, KZ until 2024, US,
 * BR …) are absent on purpose: a +7 number says nothing about Omsk vs Moscow.
 * Chosen for who calls a Russian contact centre: the CIS, Europe and the
 * usual trading partners; extend when a tenant needs more.
 */
export const SINGLE_ZONE_COUNTRIES: Readonly<Record<string, string>> = {
  AM: 'Asia/Yerevan',
  AZ: 'Asia/Baku',
  BY: 'Europe/Minsk',
  GE: 'Asia/Tbilisi',
  KG: 'Asia/Bishkek',
  MD: 'Europe/Chisinau',
  TJ: 'Asia/Dushanbe',
  TM: 'Asia/Ashgabat',
  UZ: 'Asia/Tashkent',
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CH: 'Europe/Zurich',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LV: 'Europe/Riga',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  PL: 'Europe/Warsaw',
  RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade',
  SE: 'Europe/Stockholm',
  SK: 'Europe/Bratislava',
  TR: 'Europe/Istanbul',
  AE: 'Asia/Dubai',
  CN: 'Asia/Shanghai',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
};

/**
 * For a country on several clocks, the zone of its capital: used only when
 * nothing else about the person or the tenant is known, and reported as such.
 */
export const CAPITAL_ZONES: Readonly<Record<string, string>> = {
  RU: 'Europe/Moscow',
};
