// Prints the README's configuration table from src/config/schema.ts (npm run docs:config).
import { settingDocs } from '../src/config/schema.ts';

export function configTable(): string {
  const rows = settingDocs.map((d) => `| \`${d.env}\` | ${d.default === '(unset)' ? '—' : `\`${d.default}\``} | ${d.description} |`);
  return ['| Variable | Default | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${configTable()}\n`);
