import type { Command } from 'commander';
import type { Runner } from 'graphile-worker';
import { prepareFirstAdmin } from '../../app/setup/firstAdmin.ts';
import { loadConfig } from '../../config/index.ts';
import { createLogger } from '../../http/logger.ts';
import { buildServer } from '../../http/server.ts';
import { startWorker } from '../../jobs/worker.ts';
import { startCampaignServices, type CampaignServices } from '../campaignServices.ts';
import { openRuntime } from '../runtime.ts';

type Role = { web: boolean; worker: boolean };

/** `start` = web + worker in one process (the laptop default); `serve` and `worker` run them apart. */
export function registerRunCommands(program: Command) {
  program.command('start').description('Run the web server and the background worker in one process').action(() => run({ web: true, worker: true }));
  program.command('serve').description('Run only the web server (scale out: any number against one PostgreSQL)').action(() => run({ web: true, worker: false }));
  program.command('worker').description('Run only the background worker (any number against one PostgreSQL)').action(() => run({ web: false, worker: true }));
}

async function run(role: Role) {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const runtime = await openRuntime(config, log);
  const { ctx } = runtime;
  let runner: Runner | null = null;
  let app: Awaited<ReturnType<typeof buildServer>> | null = null;

  let campaigns: CampaignServices | null = null;
  if (role.worker) {
    campaigns = await startCampaignServices(ctx);
    runner = await startWorker(ctx, runtime.database.pool);
  }
  if (role.web) {
    app = await buildServer(ctx);
    await app.listen({ host: config.http.host, port: config.http.port });
    const first = await prepareFirstAdmin(ctx);
    announce(config.http.publicUrl, first);
  } else {
    process.stdout.write('Voxpop worker is running\n');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests and jobs');
    const force = setTimeout(() => {
      log.error('shutdown took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await app?.close();
      await runner?.stop();
      await campaigns?.stop();
      await runtime.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  runner?.promise.catch((err) => {
    log.error({ err }, 'the worker stopped unexpectedly');
    void shutdown('worker-failure');
  });
}

function announce(publicUrl: string, first: Awaited<ReturnType<typeof prepareFirstAdmin>>) {
  // Printed, not logged: this is the one place a person is meant to read a secret link.
  const lines = [`Voxpop is running at ${publicUrl}`];
  if (first.kind === 'link') {
    lines.push('', 'No users yet. Open this one-time link to create the first administrator (valid 24 h):', `  ${first.url}`, '');
  } else if (first.kind === 'created') {
    lines.push(`First administrator created: ${first.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
