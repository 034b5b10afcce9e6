import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configTable } from '../scripts/config-table.ts';

describe('README', () => {
  it('carries the configuration table generated from the config schema (run npm run docs:config)', async () => {
    const readme = await fs.readFile('README.md', 'utf8');
    const table = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(configTable());
  });

  it('starts with the two commands of the quick start', async () => {
    const readme = await fs.readFile('README.md', 'utf8');
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm start');
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm test');
  });
});
