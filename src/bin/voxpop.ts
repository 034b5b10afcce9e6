import { Command } from 'commander';
import { ConfigError } from '../config/index.ts';
import { EmbeddedDatabaseError } from '../store/embedded.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerDoctorCommand } from './commands/doctor.ts';
import { registerRunCommands } from './commands/run.ts';
import { registerStatsCommand } from './commands/stats.ts';

const program = new Command('voxpop').description('NPS and customer-experience surveys for contact centers').showHelpAfterError();
registerRunCommands(program);
registerAdminCommands(program);
registerDoctorCommand(program);
registerStatsCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  // Known start-up problems are explained in one paragraph, without a stack trace.
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) {
    process.stderr.write(`voxpop: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`voxpop: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
