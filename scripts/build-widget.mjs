#!/usr/bin/env node
// Builds the website widget and the chat page script (web/widget/src → web/widget/dist/{widget,chat}.js):
// one minified IIFE each, ES2020 (browsers from 2020 on). Run by build-web.mjs; `--if-stale` skips an up-to-date build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(repoRoot, ...parts);
export const WIDGET_OUT = at('web', 'widget', 'dist');
const ENTRIES = ['widget', 'chat'];
// The scripts bundle the survey rules from src/domain, so those count as input too.
const inputs = [at('web', 'widget', 'src'), at('src', 'domain'), fileURLToPath(import.meta.url)];

/**
 * The domain modules import zod for their schemas, which the scripts never
 * use (they only evaluate show-if rules), and zod alone is ~90 KB gzipped. An
 * inert stand-in keeps the module-level schema definitions harmless.
 */
const zodStandIn = {
  name: 'zod-stand-in',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: 'const z = new Proxy(function () {}, { get: () => z, apply: () => z }); export { z }; export default z;',
      loader: 'js',
    }));
  },
};

function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

const isUpToDate = () => {
  const outputs = ENTRIES.map((name) => join(WIDGET_OUT, `${name}.js`));
  if (!outputs.every(existsSync)) return false;
  const builtAtMs = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return inputs.every((input) => newestMtimeMs(input) < builtAtMs);
};

export async function buildWidget({ ifStale = false } = {}) {
  if (ifStale && isUpToDate()) {
    console.log('widget: web/widget/dist is up to date, build skipped');
    return;
  }
  const startedMs = Date.now();
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, at('web', 'widget', 'src', `${name}.ts`)])),
    outdir: WIDGET_OUT,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    plugins: [zodStandIn],
    logLevel: 'warning',
  });
  console.log(`widget: built web/widget/dist in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWidget({ ifStale: process.argv.includes('--if-stale') });
