#!/usr/bin/env node
// Builds the admin SPA (web/ → web/dist) with Vite's JS API.
// `--if-stale` skips the build when web/dist/index.html is newer than every input,
// so `npm start` stays fast after the first run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildWidget } from './build-widget.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(repoRoot, ...parts);
const output = at('web', 'dist', 'index.html');
// src/domain is bundled into the SPA too (NPS maths, role tables), so it counts as input.
const inputs = [at('web', 'src'), at('web', 'public'), at('web', 'index.html'), at('web', 'vite.config.ts'), at('src', 'domain')];

/** Latest modification time (ms) of a file, or of any file below a directory; 0 when missing. */
function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

function isUpToDate() {
  if (!existsSync(output)) return false;
  const builtAtMs = statSync(output).mtimeMs;
  return inputs.every((input) => newestMtimeMs(input) < builtAtMs);
}

if (process.argv.includes('--if-stale') && isUpToDate()) {
  console.log(`web: ${relative(repoRoot, output)} is up to date, build skipped`);
} else {
  const startedMs = Date.now();
  await build({ configFile: at('web', 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web: built web/dist in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
}
// The website widget and the chat page script, kept apart from the SPA's output (Vite empties web/dist).
await buildWidget({ ifStale: process.argv.includes('--if-stale') });
