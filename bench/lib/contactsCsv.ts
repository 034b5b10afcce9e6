import fs from 'node:fs';
import { once } from 'node:events';

/**
 * A seeded contact list as a CRM exports it: semicolon-separated UTF-8 with a
 * BOM, Russian headers, phones written the local way ("8 (9xx) xxx-xx-xx").
 * The same seed gives the same file. About 1 row in 200 is broken (a short
 * phone or a bad email) and 1 in 500 repeats an earlier row's phone, so the
 * check has problems to report and the import skips what it must.
 */
export interface ContactsCsvStats {
  rows: number;
  bytes: number;
  badRows: number;
  repeatedRows: number;
}

const FIRST = ['Иван', 'Мария', 'Алексей', 'Ольга', 'Дмитрий', 'Анна', 'Сергей', 'Елена', 'Павел', 'Наталья'];
const MIDDLE = ['Иванович', 'Петровна', 'Сергеевич', 'Алексеевна', 'Андреевич', 'Викторовна'];
const LAST = ['Иванов', 'Петрова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Лебедев', 'Козлова'];
const REGIONS = ['Москва', 'Свердловская обл.', 'Новосибирская область', 'Республика Татарстан', 'Краснодарский край', 'Приморский край'];
const SERVICES = ['internet', 'tv', 'mobile', 'support'];
const BRANCHES = ['Центр', 'Север', 'Юг', 'Восток'];

/** mulberry32: small, fast, good enough to make test data repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CONTACTS_CSV_HEADER = ['Код клиента', 'ФИО', 'Мобильный телефон', 'E-mail', 'Регион', 'Тип услуги', 'Филиал', 'Согласие на SMS'];

/** Writes `rows` data rows to `file`, streaming (memory stays flat whatever the size). */
export async function writeContactsCsv(file: string, rows: number, seed = 42): Promise<ContactsCsvStats> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out = fs.createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`\uFEFF${CONTACTS_CSV_HEADER.join(';')}\n`);
  let badRows = 0;
  let repeatedRows = 0;
  let chunk = '';
  for (let index = 1; index <= rows; index += 1) {
    const roll = random();
    // Distinct numbers from the index: 9 000 000 000 + index·7 spreads them over 9xx codes.
    const subscriber = roll < 0.002 && index > 1 ? 9_000_000_000 + (index - 1) * 7 : 9_000_000_000 + index * 7;
    if (roll < 0.002 && index > 1) repeatedRows += 1;
    const digits = String(subscriber);
    let phone = `8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8, 10)}`;
    let email = `client${index}@example.ru`;
    if (roll > 0.995) {
      badRows += 1;
      if (roll > 0.9975) phone = digits.slice(0, 5);
      else email = `client${index}@@example`;
    }
    const name = `${pick(LAST)} ${pick(FIRST)} ${pick(MIDDLE)}`;
    chunk += `CRM-${roll < 0.002 && index > 1 ? index - 1 : index};${name};${phone};${email};${pick(REGIONS)};${pick(SERVICES)};${pick(BRANCHES)};${random() < 0.8 ? 'да' : 'нет'}\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return { rows, bytes, badRows, repeatedRows };
}
