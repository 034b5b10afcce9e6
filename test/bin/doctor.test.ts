import os from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { runChecks } from '../../src/bin/commands/doctor.ts';

describe('voxpop doctor', () => {
  it('names a bad setting and what to do', async () => {
    const checks = await runChecks({ PORT: 'eighty', VOXPOP_DATA_DIR: os.tmpdir() });
    const config = checks.find((c) => c.name === 'configuration')!;
    expect(config.ok).toBe(false);
    expect(config.detail).toContain('PORT');
    expect(config.fix).toBeTruthy();
  });

  it('reports an external database it can reach, and one it cannot', async () => {
    const ok = await runChecks({ DATABASE_URL: inject('pgServerUrl'), VOXPOP_DATA_DIR: os.tmpdir() });
    expect(ok.find((c) => c.name === 'database')).toMatchObject({ ok: true });
    const down = await runChecks({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', VOXPOP_DATA_DIR: os.tmpdir() });
    expect(down.find((c) => c.name === 'database')).toMatchObject({ ok: false });
    expect(down.find((c) => c.name === 'database')!.fix).toContain('DATABASE_URL');
  });
});
