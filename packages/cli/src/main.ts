import { Command } from 'commander';
import type { DemoOptions } from './commands/demo.js';
import type { PeersAddOptions } from './commands/peers.js';
import type { RiskAreasImportOptions } from './commands/risk-areas.js';
import type { SimEvaluateOptions } from './commands/sim-evaluate.js';
import type { UsersAddOptions } from './commands/users-add.js';
import type { VerifyCommandOptions } from './commands/verify.js';

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

const keys = program.command('keys').description('pass signing keys, revocations and trust lists');
const jurisdictionOption = (command: Command): Command => command.option('--jurisdiction <code>', 'root region code, when the database holds several');
jurisdictionOption(keys.command('rotate').description('sign with a new key from now on (the old one stays trusted until its passes expire)')).action(
  async (options: { jurisdiction?: string }) => (await import('./commands/keys.js')).keysRotate(options),
);
keys
  .command('revoke')
  .description('revoke a signing key: everything it signed fails verification')
  .argument('<kid>', 'key id (base64)')
  .requiredOption('--reason <text>', 'why')
  .action(async (kid: string, options: { reason: string }) => (await import('./commands/keys.js')).keysRevoke(kid, options));
jurisdictionOption(
  keys
    .command('revoke-pass')
    .description('revoke one pass by its id, or with --subject every pass of a pseudonymous subject')
    .argument('<id>', 'pass id (or subject with --subject)')
    .requiredOption('--reason <text>', 'why')
    .option('--subject', 'the argument is a subject'),
).action(async (id: string, options: { reason: string; subject?: boolean; jurisdiction?: string }) => (await import('./commands/keys.js')).keysRevokePass(id, options));
jurisdictionOption(keys.command('export-trust-list').description('print (or write) the public keys and revocations for peers').option('--out <file>', 'output file')).action(
  async (options: { jurisdiction?: string; out?: string }) => (await import('./commands/keys.js')).keysExportTrustList(options),
);
keys
  .command('import-trust-list')
  .description("import a peer jurisdiction's trust list (mutual recognition)")
  .argument('<file>', 'JSON file from the peer')
  .action(async (file: string) => (await import('./commands/keys.js')).keysImportTrustList(file));

const riskAreas = program.command('risk-areas').description("other jurisdictions' risk areas: trips from or to them colour travellers (docs/judgment.md)");
riskAreas
  .command('import')
  .description("import another jurisdiction's list of current risk areas (its /api/risk-areas JSON or CSV); replaces that publisher's earlier list")
  .argument('<file-or-url>', 'a file (.json or .csv) or an http(s) URL')
  .option('--publisher <name>', 'publisher to store the list under (required for a CSV, or a list that names none), e.g. national')
  .option(
    '--level <published=ours>',
    "the list's level and this instance's, e.g. 高风险=high (repeatable); needed where neither the names nor the ranks of the levels match",
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .action(async (target: string, options: RiskAreasImportOptions) => (await import('./commands/risk-areas.js')).riskAreasImport(target, options));
riskAreas
  .command('remap')
  .description('change the level mapping of an imported list in place (its id as `risk-areas imports` shows it); its travellers are re-judged')
  .argument('<list-id>', 'the list id, e.g. 3')
  .option(
    '--level <published=ours>',
    "the list's level and this instance's, e.g. 高风险=high (repeatable); levels not given map by name or rank",
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .action(async (listId: string, options: RiskAreasImportOptions) => (await import('./commands/risk-areas.js')).riskAreasRemap(listId, options));
riskAreas.command('imports').description('list the imported risk-area lists (with their ids), source and time').action(async () => (await import('./commands/risk-areas.js')).riskAreasImports());

program.command('audit').description('audit log').command('verify').description('verify the hash chain of the audit log').action(async () => (await import('./commands/audit-verify.js')).auditVerify());

program
  .command('import')
  .description('import files of a source (CSV, NDJSON or XLSX; UTF-8 or GB18030): registry, cases, lab-results, check-ins, telecom, transport, vaccinations, stations')
  .argument('<source>', 'source name (docs/data-formats.md)')
  .argument('<files...>', 'files to import')
  .option('--again', 'import again even if the same file was imported before')
  .option('--chunk-rows <n>', 'rows per transaction (default 50000 for presence and other add-only sources, 5000 otherwise)')
  .action(async (source: string, files: string[], options: { again?: boolean; chunkRows?: string }) => (await import('./commands/import.js')).importCommand(source, files, options));

const reviews = program.command('reviews').description('identity reviews: records probably naming a registered person');
reviews.command('list').description('open reviews, both persons side by side (identifiers masked)').option('--limit <n>', 'how many', '100')
  .action(async (options: { limit?: string }) => (await import('./commands/reviews.js')).reviewsList(options));
reviews.command('link').description('the records are the candidate\'s: merge the person into them (reversible)').argument('<review>', 'review id')
  .action(async (id: string) => (await import('./commands/reviews.js')).reviewsDecide('link', id));
reviews.command('new').description('a different person: keep them apart and close the review').argument('<review>', 'review id')
  .action(async (id: string) => (await import('./commands/reviews.js')).reviewsDecide('new', id));
reviews.command('merge').description('merge one person into another (every linked record moves)').argument('<from>', 'person merged away').argument('<into>', 'survivor')
  .action(async (from: string, into: string) => (await import('./commands/reviews.js')).reviewsMerge(from, into));
reviews.command('undo').description('undo a merge exactly').argument('<merge>', 'merge id')
  .action(async (id: string) => (await import('./commands/reviews.js')).reviewsUndo(id));

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

const peers = program.command('peers').description('other EpiGrid instances exchanging cross-region referrals (docs/federation.md)');
peers.command('key').description("print this instance's id and public signing key").action(async () => (await import('./commands/peers.js')).peersKey());
peers.command('list').description('list the peers').action(async () => (await import('./commands/peers.js')).peersList());
peers
  .command('add')
  .description('add or update a peer')
  .argument('<id>', "the peer's instance id (its EPIGRID_INSTANCE_ID)")
  .requiredOption('--url <url>', "the peer's base URL")
  .requiredOption('--key-file <file>', "the peer's public key: the JSON of its `epigrid peers key` or GET /api/federation/key")
  .option('--region <code>', "code of this instance's region node standing for the peer's territory")
  .action(async (id: string, options: PeersAddOptions) => (await import('./commands/peers.js')).peersAdd(id, options));

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
  .option('--full-scans', 'everyone who scans does so at every visit, in and out (with --scan-compliance 1: full data compliance)')
  .option('--seeds <n>', 'initial imported infections (default: the simulator\'s)')
  .option('--scan-compliance <share>', 'share (0..1) of people who scan place codes (default: the simulator\'s, 1 − neverScanShare)')
  .option('--no-neighbour-risk-area', "do not import the neighbouring city's list of risk areas (its day-trippers would turn yellow)")
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
  .option('--diagnose', 'also list why each recorded true transmission of a found infector was not traced')
  .action(async (options: SimEvaluateOptions) => (await import('./commands/sim-evaluate.js')).simEvaluate(options));

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
program
  .command('verify')
  .description('verify a pass, place code or EU DCC offline: prefix, base45, zlib, COSE, CBOR, signature, expiry, revocation (exit 0 valid, 1 invalid, 2 usage error)')
  .argument('[text]', 'the scanned text (EGP1:…, EGV1:… or HC1:…)')
  .option('--trust-list <file>', 'trust list JSON of a recognised jurisdiction (repeatable)', collect)
  .option('--cert <file>', 'DCC document signer certificate: DER, PEM or base64 (repeatable)', collect)
  .option('--revocations <file>', 'revocation list JSON (repeatable)', collect)
  .option('--at <iso-time>', 'validation moment (default now)')
  .option('--image <file>', 'read the text from a QR code in a PNG image')
  .option('--json', 'print the report as JSON')
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
  .action(async (text: string | undefined, options: VerifyCommandOptions) => (await import('./commands/verify.js')).verifyCommand(text, options));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Loaded only on failure, so commands that do not need the server (verify) start quickly.
  const { ConfigError } = await import('@epigrid/server');
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(`epigrid: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
