import { AppConfig } from '../config';
import { Database } from '../core/database';

/**
 * What a command of the operators' command line is: a name, a one-line summary, its options
 * (util.parseArgs's config plus what `--help` shows), examples, and the work itself. A new
 * command is one file in commands/ that exports `defineCommand({ … })`, listed in
 * commands/index.ts.
 */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value is, shown in help: `--school CODE`. String options only. */
  value?: string;
  required?: boolean;
  description: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S['required'] extends true ? string : string | undefined;

/** The parsed options a command's `run` receives: booleans default to false, required strings are present. */
export type OptionValues<O extends OptionSpecs> = { -readonly [K in keyof O]: ValueOf<O[K]> };

/** Where a command writes; the terminal in main.ts, a recorder in tests. */
export interface Io {
  /** Results, one line each (stdout). */
  out(line: string): void;
  /** Problems and errors (stderr). */
  err(line: string): void;
  progress: Progress;
}

/** Progress of long work; ProgressBar draws it on a terminal. */
export interface Progress {
  /** `fraction` in 0–1; `force` shows this step even where steps are thinned out (logs). */
  update(fraction: number, label: string, force?: boolean): void;
  /** Ends the progress line so what follows starts on a fresh one. */
  done(): void;
}

export interface CommandContext {
  io: Io;
  config: AppConfig;
  /** The database the configuration names, opened on first use and closed when the command ends. */
  database(): Promise<Database>;
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: string;
  options: O;
  /** Typical arguments (what follows `homework <name>`); `homework <name> --help` shows them. */
  examples: string[];
  run(options: OptionValues<O>, ctx: CommandContext): Promise<void>;
}

/** Types `run`'s options from the option table. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** The command could not do its work (no such school, a refused file): exit code 1. */
export class CliError extends Error {}

/**
 * The command line is wrong (unknown command or option, a missing or malformed value): exit
 * code 2, with a pointer to the command's help.
 */
export class UsageError extends Error {}
