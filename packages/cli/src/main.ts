import { Command } from 'commander';
import { ConfigError } from '@epigrid/server';
import type { UsersAddOptions } from './commands/users-add.js';

// Commands are imported when run, so `epigrid audit verify` does not load the web server or the simulator.

const program = new Command('epigrid')
  .description('EpiGrid: epidemic prevention and control, grid-based closed loop')
  .showHelpAfterError();

program.command('start').description('migrate, create the demo city if empty, serve API and web app').action(async () => (await import('./commands/start.js')).start());

program.command('db').description('database operations').command('migrate').description('apply pending migrations').action(async () => (await import('./commands/db-migrate.js')).dbMigrate());

program
  .command('users')
  .description('user accounts')
  .command('add')
  .description('create a user at a region node')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--role <role>', 'administrator | epidemiologist | command_centre | grid_worker | lab | facility_manager | auditor | public')
  .requiredOption('--region <code>', 'code of the region node the user belongs to')
  .option('--name <display name>', 'name shown in the app')
  .option('--password <password>', 'password (generated and printed when omitted)')
  .action(async (options: UsersAddOptions) => (await import('./commands/users-add.js')).usersAdd(options));

program.command('audit').description('audit log').command('verify').description('verify the hash chain of the audit log').action(async () => (await import('./commands/audit-verify.js')).auditVerify());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`epigrid: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
