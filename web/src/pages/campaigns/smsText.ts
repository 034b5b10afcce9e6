// How long an SMS is and how many parts it takes: GSM-7 when every character fits, UCS-2 otherwise.
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = '^{}\\[~]|€\f';

export interface SmsSize {
  /** Characters as the reader counts them. */
  length: number;
  encoding: 'gsm' | 'ucs2';
  parts: number;
}

export function smsSize(text: string): SmsSize {
  const chars = [...text];
  const gsm = chars.every((c) => GSM_BASIC.includes(c) || GSM_EXTENDED.includes(c));
  if (gsm) {
    const units = chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0);
    return { length: chars.length, encoding: 'gsm', parts: units <= 160 ? 1 : Math.ceil(units / 153) };
  }
  const units = [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0);
  return { length: chars.length, encoding: 'ucs2', parts: units <= 70 ? 1 : Math.ceil(units / 67) };
}
