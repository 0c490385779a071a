import { Command } from 'commander';
import { ConfigError } from '@epigrid/server';
import type { DemoOptions } from './commands/demo.js';
import type { SimEvaluateOptions } from './commands/sim-evaluate.js';
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

program
  .command('trace')
  .description('trace a case: close and sub-close contacts and companions, with evidence')
  .argument('<case>', 'case id (as listed by the API)')
  .action(async (caseId: string) => (await import('./commands/trace.js')).traceCommand(caseId));

program.command('chains').description('transmission chains and clusters').action(async () => (await import('./commands/chains.js')).chainsCommand());

const profiles = program.command('profiles').description('protocol profiles (contact rules, windows, quarantine schedules)');
profiles.command('list').description('list the built-in profiles').action(async () => (await import('./commands/profiles.js')).profilesList());
profiles
  .command('show')
  .description('print a built-in profile as JSON, to copy and edit')
  .argument('<id>', 'profile id')
  .action(async (id: string) => (await import('./commands/profiles.js')).profilesShow(id));
profiles
  .command('check')
  .description('validate an edited profile file')
  .argument('<file>', 'JSON file')
  .action(async (file: string) => (await import('./commands/profiles.js')).profilesCheck(file));

program.command('audit').description('audit log').command('verify').description('verify the hash chain of the audit log').action(async () => (await import('./commands/audit-verify.js')).auditVerify());

program
  .command('import')
  .description('import files of a source (CSV, NDJSON or XLSX; UTF-8 or GB18030): registry, cases, lab-results, check-ins, telecom, transport, vaccinations')
  .argument('<source>', 'source name (docs/data-formats.md)')
  .argument('<files...>', 'files to import')
  .option('--again', 'import again even if the same file was imported before')
  .action(async (source: string, files: string[], options: { again?: boolean }) => (await import('./commands/import.js')).importCommand(source, files, options));

const deadletters = program.command('deadletters').description('rows rejected by imports');
const letterFilters = (command: Command): Command =>
  command.option('--source <source>', 'only this source').option('--batch <id>', 'only this import batch').option('--status <status>', 'open | fixed | rerun | discarded');
letterFilters(deadletters.command('list').description('list rejected rows (identifiers masked)').option('--limit <n>', 'how many', '100')).action(
  async (options: Record<string, string>) => (await import('./commands/deadletters.js')).deadLettersList(options),
);
letterFilters(deadletters.command('export').description('export rejected rows as CSV (identifiers in clear, audited)').option('--out <file>', 'output file')).action(
  async (options: Record<string, string>) => (await import('./commands/deadletters.js')).deadLettersExport(options),
);
deadletters
  .command('fix')
  .description('edit fields of a rejected row')
  .argument('<id>', 'dead letter id')
  .argument('<assignments...>', 'field=value pairs')
  .action(async (id: string, assignments: string[]) => (await import('./commands/deadletters.js')).deadLettersFix(id, assignments));
letterFilters(deadletters.command('rerun').description('validate and load open and fixed rows again')).action(
  async (options: Record<string, string>) => (await import('./commands/deadletters.js')).deadLettersRerun(options),
);

program.command('retention').description('data retention').command('run').description('drop presence data older than EPIGRID_PRESENCE_RETENTION_DAYS').action(async () => (await import('./commands/retention-run.js')).retentionRun());

program
  .command('demo')
  .description('run the demo city day by day: presence data, an outbreak and its ground truth, fed to ingestion')
  .option('--days <n>', 'days to simulate', '14')
  .option('--speed <seconds>', 'wall-clock seconds per simulated day (0 = as fast as possible)', '0')
  .option('--out <dir>', 'output directory (default <data dir>/demo-run)')
  .option('--seed <n>', 'seed of the city and the outbreak (default EPIGRID_DEMO_SEED)')
  .option('--people <n>', 'city size (default EPIGRID_DEMO_PEOPLE)')
  .option('--no-interventions', 'do not isolate reported cases (uncontrolled outbreak)')
  .option('--pooled-testing', 'mass testing every 3 days from day 2, 10-in-1 pooled tubes')
  .option('--scan-compliance <share>', 'share (0..1) of people who scan place codes (default: the simulator\'s, 1 − neverScanShare)')
  .option('--worker-median-hours <h>', 'simulated grid workers: median hours to answer a task (lognormal)', '6')
  .option('--worker-sigma <s>', 'simulated grid workers: sigma of the log of the response time', '0.8')
  .option('--worker-not-home <share>', 'simulated grid workers: share (0..1) of visits that find nobody home', '0.1')
  .action(async (options: DemoOptions) => (await import('./commands/demo.js')).demo(options));

program
  .command('sim')
  .description('simulator tools')
  .command('evaluate')
  .description('compare a run\'s ground truth with what the platform found')
  .requiredOption('--out <dir>', 'output directory of the run')
  .option('--json <file>', 'also write the figures as JSON')
  .option('--files-only', 'judge only the emitted case reports and the intervention log, not the platform database')
  .action(async (options: SimEvaluateOptions) => (await import('./commands/sim-evaluate.js')).simEvaluate(options));

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
