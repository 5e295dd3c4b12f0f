import { AppConfig, loadConfig } from '../config';
import { Database, openDatabase } from '../core/database';
import { Command, Io, UsageError } from './command';
import { COMMANDS } from './commands';
import { commandHelp, helpHint, PROGRAM, programHelp } from './help';
import { asksForHelp, closest, parseOptions } from './options';
import { ProgressBar } from './progress-bar';

/** 0 done (help included); 1 the command failed; 2 the command line is wrong. */
export type ExitCode = 0 | 1 | 2;

/** What a run needs from outside; the configuration and the database are reached only when a command runs. */
export interface CliEnv {
  io: Io;
  loadConfig(): AppConfig;
  openDatabase(config: AppConfig): Promise<Database>;
}

/** The real process: stdout, stderr with a progress bar, the environment's configuration. */
export function processEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    io: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      progress: new ProgressBar(process.stderr),
    },
    loadConfig: () => loadConfig(env),
    openDatabase: (config) => openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir }),
  };
}

/**
 * `homework <command> [options]`. Help (`help`, `--help`, no command) prints and returns 0
 * without reading the configuration or opening the database. Any error is one line on stderr,
 * `homework <command>: <message>`; a wrong command line adds a line pointing to the help.
 */
export async function runCli(argv: string[], env: CliEnv, commands: readonly Command[] = COMMANDS): Promise<ExitCode> {
  const { io } = env;
  const [name, ...args] = argv;
  // `help <command>` is `<command> --help`.
  const wanted = name === 'help' ? args[0] : name;
  if (wanted === undefined || wanted === '--help' || wanted === '-h') {
    io.out(programHelp(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === wanted);
  if (!command) return unknownCommand(io, wanted, commands);
  if (name === 'help' || asksForHelp(args)) {
    io.out(commandHelp(command));
    return 0;
  }
  let opening: Promise<Database> | undefined;
  try {
    const options = parseOptions(command.options, args);
    const config = env.loadConfig();
    await command.run(options, { io, config, database: () => (opening ??= env.openDatabase(config)) });
    return 0;
  } catch (e) {
    io.progress.done();
    io.err(`${PROGRAM} ${command.name}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    if (e instanceof UsageError) {
      io.err(helpHint(command));
      return 2;
    }
    return 1;
  } finally {
    io.progress.done();
    const db = await opening?.catch(() => undefined);
    await db?.close();
  }
}

function unknownCommand(io: Io, name: string, commands: readonly Command[]): ExitCode {
  const near = closest(name, commands.map((c) => c.name));
  io.err(`${PROGRAM}: ${name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"${near ? ` (did you mean ${near}?)` : ''}`}`);
  io.err(helpHint());
  return 2;
}
