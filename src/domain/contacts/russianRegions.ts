/**
 * The 89 federal subjects as Russian address data (CRM exports, ФИАС/ГАР)
 * names them, with the IANA zone their clocks follow. The table is about
 * clocks, not borders: it lists what the data contains.
 *
 * Names are stored folded (see foldText) and without type words ("область",
 * "край", "Republic" …), in Russian and English, plus the main cities, because
 * a "Регион" column often holds a city. Where IANA has a zone of its own for a
 * subject (Europe/Volgograd, Asia/Barnaul …) we use it: same clock today, and
 * right if a subject changes its clock again (Volgograd did in 2020).
 */
import { foldText } from './text.ts';

type Subject = readonly [zone: string, names: readonly string[]];

const SUBJECTS: readonly Subject[] = [
  // UTC+2
  ['Europe/Kaliningrad', ['калининградская', 'калининград', 'kaliningrad']],
  // UTC+3
  ['Europe/Moscow', ['москва', 'мск', 'moscow', 'moskva']],
  ['Europe/Moscow', ['московская', 'подмосковье', 'moscow']],
  ['Europe/Moscow', ['санкт петербург', 'петербург', 'спб', 'питер', 'saint petersburg', 'st petersburg', 'sankt peterburg', 'spb']],
  ['Europe/Moscow', ['ленинградская', 'leningrad']],
  ['Europe/Simferopol', ['севастополь', 'sevastopol']],
  ['Europe/Simferopol', ['крым', 'симферополь', 'crimea', 'simferopol']],
  ['Europe/Moscow', ['адыгея', 'майкоп', 'adygea', 'adygeya']],
  ['Europe/Moscow', ['дагестан', 'махачкала', 'dagestan', 'makhachkala']],
  ['Europe/Moscow', ['ингушетия', 'магас', 'ingushetia']],
  ['Europe/Moscow', ['кабардино балкарская', 'кабардино балкария', 'нальчик', 'kabardino balkaria', 'kabardino balkar', 'nalchik']],
  ['Europe/Moscow', ['калмыкия', 'элиста', 'kalmykia', 'elista']],
  ['Europe/Moscow', ['карачаево черкесская', 'карачаево черкесия', 'черкесск', 'karachay cherkessia', 'karachay cherkess']],
  ['Europe/Moscow', ['карелия', 'петрозаводск', 'karelia', 'petrozavodsk']],
  ['Europe/Moscow', ['коми', 'сыктывкар', 'komi', 'syktyvkar']],
  ['Europe/Moscow', ['марий эл', 'йошкар ола', 'mari el']],
  ['Europe/Moscow', ['мордовия', 'саранск', 'mordovia', 'saransk']],
  ['Europe/Moscow', ['северная осетия', 'северная осетия алания', 'алания', 'владикавказ', 'north ossetia', 'north ossetia alania', 'vladikavkaz']],
  ['Europe/Moscow', ['татарстан', 'казань', 'набережные челны', 'tatarstan', 'kazan']],
  ['Europe/Moscow', ['чеченская', 'чечня', 'грозный', 'chechnya', 'chechen']],
  ['Europe/Moscow', ['чувашская', 'чувашия', 'чебоксары', 'chuvashia', 'chuvash', 'cheboksary']],
  ['Europe/Moscow', ['краснодарский', 'краснодар', 'кубань', 'сочи', 'krasnodar', 'sochi']],
  ['Europe/Moscow', ['ставропольский', 'ставрополь', 'stavropol']],
  ['Europe/Moscow', ['архангельская', 'архангельск', 'arkhangelsk']],
  ['Europe/Moscow', ['белгородская', 'белгород', 'belgorod']],
  ['Europe/Moscow', ['брянская', 'брянск', 'bryansk']],
  ['Europe/Moscow', ['владимирская', 'владимир', 'vladimir']],
  ['Europe/Volgograd', ['волгоградская', 'волгоград', 'volgograd']],
  ['Europe/Moscow', ['вологодская', 'вологда', 'череповец', 'vologda']],
  ['Europe/Moscow', ['воронежская', 'воронеж', 'voronezh']],
  ['Europe/Moscow', ['ивановская', 'иваново', 'ivanovo']],
  ['Europe/Moscow', ['калужская', 'калуга', 'kaluga']],
  ['Europe/Kirov', ['кировская', 'киров', 'kirov']],
  ['Europe/Moscow', ['костромская', 'кострома', 'kostroma']],
  ['Europe/Moscow', ['курская', 'курск', 'kursk']],
  ['Europe/Moscow', ['липецкая', 'липецк', 'lipetsk']],
  ['Europe/Moscow', ['мурманская', 'мурманск', 'murmansk']],
  ['Europe/Moscow', ['нижегородская', 'нижний новгород', 'nizhny novgorod', 'nizhniy novgorod']],
  ['Europe/Moscow', ['новгородская', 'великий новгород', 'новгород', 'novgorod', 'veliky novgorod']],
  ['Europe/Moscow', ['орловская', 'орел', 'oryol', 'orel']],
  ['Europe/Moscow', ['пензенская', 'пенза', 'penza']],
  ['Europe/Moscow', ['псковская', 'псков', 'pskov']],
  ['Europe/Moscow', ['ростовская', 'ростов на дону', 'rostov', 'rostov on don']],
  ['Europe/Moscow', ['рязанская', 'рязань', 'ryazan']],
  ['Europe/Moscow', ['смоленская', 'смоленск', 'smolensk']],
  ['Europe/Moscow', ['тамбовская', 'тамбов', 'tambov']],
  ['Europe/Moscow', ['тверская', 'тверь', 'tver']],
  ['Europe/Moscow', ['тульская', 'тула', 'tula']],
  ['Europe/Moscow', ['ярославская', 'ярославль', 'yaroslavl']],
  ['Europe/Moscow', ['ненецкий', 'нарьян мар', 'nenets']],
  ['Europe/Moscow', ['донецкая', 'днр', 'donetsk']],
  ['Europe/Moscow', ['луганская', 'лнр', 'luhansk', 'lugansk']],
  ['Europe/Moscow', ['запорожская', 'zaporizhzhia', 'zaporozhye']],
  ['Europe/Moscow', ['херсонская', 'kherson']],
  // UTC+4
  ['Europe/Samara', ['самарская', 'самара', 'тольятти', 'samara', 'tolyatti']],
  ['Europe/Samara', ['удмуртская', 'удмуртия', 'ижевск', 'udmurtia', 'udmurt', 'izhevsk']],
  ['Europe/Astrakhan', ['астраханская', 'астрахань', 'astrakhan']],
  ['Europe/Saratov', ['саратовская', 'саратов', 'saratov']],
  ['Europe/Ulyanovsk', ['ульяновская', 'ульяновск', 'ulyanovsk']],
  // UTC+5
  ['Asia/Yekaterinburg', ['башкортостан', 'башкирия', 'уфа', 'bashkortostan', 'bashkiria', 'ufa']],
  ['Asia/Yekaterinburg', ['курганская', 'курган', 'kurgan']],
  ['Asia/Yekaterinburg', ['оренбургская', 'оренбург', 'orenburg']],
  ['Asia/Yekaterinburg', ['пермский', 'пермь', 'perm']],
  ['Asia/Yekaterinburg', ['свердловская', 'екатеринбург', 'sverdlovsk', 'yekaterinburg', 'ekaterinburg']],
  ['Asia/Yekaterinburg', ['тюменская', 'тюмень', 'tyumen']],
  ['Asia/Yekaterinburg', ['челябинская', 'челябинск', 'магнитогорск', 'chelyabinsk']],
  ['Asia/Yekaterinburg', ['ханты мансийский', 'хмао', 'югра', 'ханты мансийск', 'сургут', 'khanty mansi', 'khanty mansiysk', 'yugra', 'surgut']],
  ['Asia/Yekaterinburg', ['ямало ненецкий', 'янао', 'ямал', 'салехард', 'yamalo nenets', 'yamal']],
  // UTC+6
  ['Asia/Omsk', ['омская', 'омск', 'omsk']],
  // UTC+7
  ['Asia/Barnaul', ['алтайский', 'барнаул', 'altai', 'barnaul']],
  ['Asia/Barnaul', ['алтай', 'горно алтайск', 'altai']],
  ['Asia/Novokuznetsk', ['кемеровская', 'кузбасс', 'кемерово', 'новокузнецк', 'kemerovo', 'kuzbass', 'novokuznetsk']],
  ['Asia/Krasnoyarsk', ['красноярский', 'красноярск', 'норильск', 'krasnoyarsk', 'norilsk']],
  ['Asia/Novosibirsk', ['новосибирская', 'новосибирск', 'novosibirsk']],
  ['Asia/Tomsk', ['томская', 'томск', 'tomsk']],
  ['Asia/Krasnoyarsk', ['тыва', 'тува', 'кызыл', 'tuva', 'tyva']],
  ['Asia/Krasnoyarsk', ['хакасия', 'абакан', 'khakassia', 'khakasia', 'abakan']],
  // UTC+8
  ['Asia/Irkutsk', ['бурятия', 'улан удэ', 'buryatia', 'ulan ude']],
  ['Asia/Irkutsk', ['иркутская', 'иркутск', 'irkutsk']],
  // UTC+9 (Sakha spans three zones; most of its people live on Yakutsk time)
  ['Asia/Chita', ['забайкальский', 'забайкалье', 'чита', 'zabaykalsky', 'zabaikalsky', 'chita']],
  ['Asia/Yakutsk', ['амурская', 'благовещенск', 'amur', 'blagoveshchensk']],
  ['Asia/Yakutsk', ['саха', 'якутия', 'якутск', 'sakha', 'yakutia', 'yakutsk']],
  // UTC+10
  ['Asia/Vladivostok', ['приморский', 'приморье', 'владивосток', 'primorsky', 'primorye', 'vladivostok']],
  ['Asia/Vladivostok', ['хабаровский', 'хабаровск', 'khabarovsk']],
  ['Asia/Vladivostok', ['еврейская', 'биробиджан', 'jewish', 'birobidzhan']],
  // UTC+11
  ['Asia/Magadan', ['магаданская', 'магадан', 'magadan']],
  ['Asia/Sakhalin', ['сахалинская', 'сахалин', 'южно сахалинск', 'sakhalin', 'yuzhno sakhalinsk']],
  // UTC+12
  ['Asia/Kamchatka', ['камчатский', 'камчатка', 'петропавловск камчатский', 'kamchatka', 'petropavlovsk kamchatsky']],
  ['Asia/Anadyr', ['чукотский', 'чукотка', 'анадырь', 'chukotka', 'chukotsky', 'anadyr']],
];

export const RUSSIAN_SUBJECT_COUNT = SUBJECTS.length;

/** Words that say what kind of subject a name is; dropped before matching ("Свердловская обл." → "свердловская"). */
const TYPE_WORDS = new Set([
  'область', 'обл', 'край', 'республика', 'респ', 'автономный', 'автономная', 'округ', 'ао', 'аобл', 'город', 'гор', 'г',
  'федерального', 'значения', 'народная', 'россия', 'рф',
  'oblast', 'obl', 'region', 'krai', 'kray', 'territory', 'republic', 'rep', 'autonomous', 'okrug', 'district', 'city',
  'federal', 'of', 'the', 'people', 'peoples', 's', 'russia', 'russian', 'federation',
]);

const ZONE_BY_NAME: ReadonlyMap<string, string> = new Map(SUBJECTS.flatMap(([zone, names]) => names.map((name) => [name, zone] as const)));

/** Every name with the zones it points to: for the test that no name is ambiguous. */
export function regionNameZones(): Map<string, Set<string>> {
  const zones = new Map<string, Set<string>>();
  for (const [zone, names] of SUBJECTS) for (const name of names) zones.set(name, (zones.get(name) ?? new Set()).add(zone));
  return zones;
}

export function regionZones(): Set<string> {
  return new Set(SUBJECTS.map(([zone]) => zone));
}

/**
 * The zone of a Russian region, or null when the text names none we know.
 * Tries the whole text, then its parts: "Республика Саха (Якутия)",
 * "Ханты-Мансийский АО - Югра", "г. Москва, ул. Ленина" all resolve.
 */
export function zoneForRussianRegion(text: string): string | null {
  const parts = [text, ...text.split(/[(),;]|\s[-–—]\s/)];
  for (const part of parts) {
    const core = foldText(part)
      .split(' ')
      .filter((word) => word !== '' && !TYPE_WORDS.has(word))
      .join(' ');
    const zone = core === '' ? undefined : ZONE_BY_NAME.get(core);
    if (zone) return zone;
  }
  return null;
}
