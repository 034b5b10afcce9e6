/**
 * Topic taxonomy: plain, JSON-able data a tenant can copy and edit (add a
 * term, drop one, add a topic). Terms follow the lexicon rules in lexicon.ts:
 * words are stemmed with Snowball for their script; a word ending in `*`
 * matches by prefix; several words make a phrase (in order, small gaps allowed).
 */

export type TopicPolarity = 'negative' | 'positive';

export interface LexiconEntry {
  term: string;
  lang: 'ru' | 'en';
  /** What the term says about the topic when not negated ("хамство" → negative). */
  polarity?: TopicPolarity;
}

export interface TopicDefinition {
  /** Stable id: wait_time, staff_attitude, … Tenants' own topics get their own ids. */
  id: string;
  label: { ru: string; en: string };
  entries: LexiconEntry[];
}

export interface Taxonomy {
  id: string;
  /** Bumped on every edit, so stored results can say which lexicon produced them. */
  version: number;
  topics: TopicDefinition[];
  /** Topic given to a non-trivial comment no entry matched. */
  fallbackTopic: string;
}

export const STARTER_TOPIC_IDS = [
  'wait_time', 'staff_attitude', 'competence', 'resolution', 'information', 'technical_problems', 'price', 'product_quality', 'other',
] as const;

/**
 * Compact source of the starter lexicon: terms separated by commas, a
 * trailing `+` or `-` is the polarity hint. Expanded into LexiconEntry[] below.
 */
const STARTER: Record<string, { ru: string; en: string; label: { ru: string; en: string } }> = {
  wait_time: {
    label: { ru: 'Время ожидания', en: 'Wait time' },
    ru: `долго-, долгий-, долгое-, долгая-, ждал*, ждат*, жду, ждем, ждет*, подожд*, прожд*, дождат*, дождал*, ожидани*, очеред*-, дозвон*+, минут*, час, сутки, быстр*+,
      оперативн*+, сразу+, моментально+, мгновенно+, медленн*-, висел*, висеть, музык*, затянул*-, тянул*-, скорость ответа`,
    en: `wait*, hold, queue*, forever-, took ages-, minut*, hour*, quick*+, fast+, prompt*+, immediately+, right away+, slow*-, delay*-, get through+, got through+,
      long time-, long wait-, response time, answered straight away+, took long-, days to-`,
  },
  staff_attitude: {
    label: { ru: 'Отношение персонала', en: 'Staff attitude' },
    ru: `груб*-, нагруб*-, хам*-, нахам*-, вежлив*+, невежлив*-, приветлив*+, доброжелат*+, внимательн*+, невнимательн*-, равнодуш*-, безразлич*-, любезн*+,
      дружелюб*+, милая+, милый+, отношени*, тон, тоном, грубиян*-, нахал*-, пренебреж*-, терпелив*+, бросил* трубк*-, перебива*-, заботлив*+, улыб*+,
      неуважени*-, уважительн*+, учтив*+, издевател*-, смеют*-, смеял*-, хамск*-, накричал*-, кричал*-, отмахн*-, доброт*+, человечн*+`,
    en: `rude*-, polite*+, impolite*-, friendly+, unfriendly-, courteous+, respectful+, disrespect*-, attitude, condescending-, arrogant-, patient+, impatient-,
      caring+, hung up-, yell*-, shout*-, dismissive-, indifferent-, pleasant+, empath*+, sympathetic+, listened+, interrupt*-, laugh*-, sarcastic-, kind+, kindly+, warm+,
      lovely+, attentive+, did not care-, snappy-, cold-, manners`,
  },
  competence: {
    label: { ru: 'Компетентность', en: 'Competence' },
    ru: `компетент*+, некомпетент*-, знани*+, професси*+, непрофесси*-, грамотн*+, неграмотн*-, разбира*+, понима*+, новичок-, стажер*-, путал*-, перепута*-,
      квалифиц*+, неквалифиц*-, толков*+, бестолков*-, знающ*+, эксперт*+, скрипт*-, по бумажке-, знал*+, знает+, знают+, дилетант*-, некомпетен*-, не в курсе-`,
    en: `competen*+, incompeten*-, knowledg*+, clueless-, professional*+, unprofessional-, expert*+, skilled+, untrained-, training-, knew+, knows+, no idea-, script*-,
      understood+, understand*+, trained+, amateur*-, did not know-, experienced+, inexperienced-, in over-`,
  },
  resolution: {
    label: { ru: 'Решение вопроса', en: 'Resolution' },
    ru: `реш*+, нерешен*-, помогл*+, помог+, помоч*+, помощ*+, бесполезн*-, до сих пор-, повторно-, несколько раз-, три раза-, пять раз-, раз пять-, звоню уже-, звонил* уже-, ничего не дела*-, ничего не сделал*-,
      отказал*-, отказ*-, заявк*, исправ*+, устран*+, результат*+, толк*+, отфутбол*-, футбол*-, переключ*-, так и не-, вопрос закры*+, справил*+, разобрал*+,
      разобрались+, обещали-, обещан*-, перезвон*, вернули+`,
    en: `resolv*+, solv*+, fix*+, sorted+, help*+, unhelpful-, useless-, still-, call again-, called again-, calling again-, do nothing-, multiple times-, several times-, three times-, twice-, refused-, ticket*,
      escalat*, solution*+, transferr*-, bounced-, first call+, nothing was done-, call back, called back+, never called-, promised-, went above+, took care+, handled+,
      sorted out+, no resolution-, no help-, did nothing-, pointless-`,
  },
  information: {
    label: { ru: 'Информирование', en: 'Information' },
    ru: `информ*, объясн*+, разъясн*+, понятн*+, непонятн*-, подробн*+, ответ* на вопрос*+, проконсульт*+, консульт*+, сведени*, противореч*-, заблужден*-,
      рассказал*+, уточн*, инструкц*, услови*, срок*, разн* информ*-, толком не-, невнятн*-, четко+, четкий+, ясно+, неясно-, ничего не сказал*-, вводят-`,
    en: `inform*, info, explain*+, explan*+, clear*+, unclear-, confus*-, misled-, mislead*-, answer* question*+, contradict*-, detail*+, instruct*, update*+,
      kept me informed+, wrong information-, inaccurate-, accurate+, told me, different answer*-, vague-, steps+, terms, what to expect+`,
  },
  technical_problems: {
    label: { ru: 'Технические проблемы', en: 'Technical problems' },
    ru: `сайт*, приложен*, прилож*, завис*-, вылета*-, вылетел*-, глюч*-, глюк*-, сбой-, сбои-, сбоя-, ошибк*-, связь, связью, обрыв*-, оборва*-, прерва*-, прерыва*-,
      сорвал*-, личн* кабинет*, кабинет*, пароль*, логин*, войти, вход*, смс, sms, код, кода, бот*, робот*, автоответчик*, слышн*+, шум*-, техническ*, баг*-,
      лага*-, тормоз*-, обнов*, загруж*+, грузит*+, не открыва*-, разъединил*-, сбросил*-, не работа*-`,
    en: `app, apps, websit*, site, crash*-, freez*-, froze*-, bug*-, glitch*-, error*-, call dropped-, dropped-, disconnect*-, login, log in, password*, portal,
      online, load*+, technical, connection, robot*, ivr, automated, chatbot*, bot, sms, code, static-, noise-, echo-, could not hear-, outage*-, not working-, does not work-, is out-, been out-`,
  },
  price: {
    label: { ru: 'Цена', en: 'Price' },
    ru: `цена, цены, цену, ценам, ценой, ценник*, дорог*-, дорого-, дорож*-, подорож*-, дешев*+, стоимост*, тариф*, оплат*, платеж*, платит*, заплат*, переплат*-,
      плата, платн*, бесплатн*+, деньг*, рубл*, списа*, списыва*, комисси*-, скидк*+, акци*, выгодн*+, невыгодн*-, счет, счета, счете, штраф*-, грабеж*-, прайс*,
      возврат*, вернуть деньги`,
    en: `price*, pricing, cost, costs, costly-, expensive-, inexpensive+, cheap*+, overpriced-, overcharg*-, charge, charged, charges, fee-, fees-, bill*, refund*, money, discount*+, tariff*,
      subscription*, afford*+, rip off-, ripoff-, value for money+, pay*, paid, plan price, rates, invoice*, deposit`,
  },
  product_quality: {
    label: { ru: 'Качество продукта', en: 'Product quality' },
    ru: `качеств*, товар*, продукт*, продукци*, брак*-, бракован*-, слома*-, сломан*-, полом*-, дефект*-, испорч*-, порван*-, разбит*-, упаковк*, свеж*+, несвеж*-,
      просроч*-, качествен*+, некачествен*-, устройств*, скорост* интернет*, покрыти*, гарант*, перестал* работать-, вкус*, модел*`,
    en: `quality, product*, defective-, defect*-, broke-, broken-, faulty-, damag*-, item*, device*, stopped working-, speed*, coverage, signal, durable+, flimsy-,
      reliable+, unreliable-, expired-, spoiled-, fresh+, warranty, replacement, works great+, works perfectly+, works fine+, router, modem`,
  },
  other: { label: { ru: 'Другое', en: 'Other' }, ru: '', en: '' },
};

function expand(source: string, lang: 'ru' | 'en'): LexiconEntry[] {
  return source
    .split(',')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => {
      const hint = raw.endsWith('+') ? 'positive' : raw.endsWith('-') ? 'negative' : undefined;
      const term = hint ? raw.slice(0, -1).trim() : raw;
      return hint ? { term, lang, polarity: hint } : { term, lang };
    });
}

export const STARTER_TAXONOMY: Taxonomy = {
  id: 'starter-contact-center',
  version: 1,
  fallbackTopic: 'other',
  topics: Object.entries(STARTER).map(([id, t]) => ({ id, label: t.label, entries: [...expand(t.ru, 'ru'), ...expand(t.en, 'en')] })),
};
