import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run), driven by playwright-core. Nothing is downloaded. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium (CI installs it)');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page context that fails any request leaving the loopback, so a test cannot depend on the internet. */
export async function loopbackOnlyContext(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext & { outbound: string[] }> {
  const context = await browser.newContext(opts);
  const outbound: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:') return route.continue();
    outbound.push(url.toString());
    return route.abort();
  });
  return Object.assign(context, { outbound });
}
