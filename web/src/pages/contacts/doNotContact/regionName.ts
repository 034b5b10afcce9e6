/** "Russia" for RU in English, «Россия» in Russian; the code itself when the browser cannot name it. */
export function regionName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
