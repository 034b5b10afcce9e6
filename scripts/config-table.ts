// Writes the README's configuration table from src/config/schema.ts (npm run docs:config).
import fs from 'node:fs';
import { settingDocs } from '../src/config/schema.ts';

export function configTable(): string {
  const rows = settingDocs.map((d) => `| \`${d.env}\` | ${d.default === '(unset)' ? '—' : `\`${d.default}\``} | ${d.description} |`);
  return ['| Variable | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = fs.readFileSync('README.md', 'utf8');
  const marked = /(<!-- config-table:start -->\n)[\s\S]*?(\n<!-- config-table:end -->)/;
  if (!marked.test(readme)) throw new Error('README.md has no <!-- config-table:start/end --> markers');
  fs.writeFileSync('README.md', readme.replace(marked, (_m, start: string, end: string) => `${start}${configTable()}${end}`));
  process.stdout.write('README.md configuration table updated\n');
}
