import { Command } from './command';

/** The program's name as operators type it (package.json "bin"). */
export const PROGRAM = 'homework';

/** `homework --help`: the commands, one line each. */
export function programHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `${PROGRAM} — the operators' command line of the 双减 homework service`,
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    `       ${PROGRAM} <command> --help     its options and an example`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'It works on the database the configuration names: DATABASE_URL, else the embedded one',
    'in EMBEDDED_DATA_DIR (.data/pglite; stop the service first, it is one process at a time).',
    `From the project folder, after \`npm run build\`: npx ${PROGRAM} …, or npm run cli -- ….`,
  ].join('\n');
}

/** `homework <command> --help`: usage, every option with its description, and examples. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options);
  const flag = (name: string) => `--${name}${command.options[name].value ? ` ${command.options[name].value}` : ''}`;
  const usage = options.map(([name, spec]) => (spec.required ? flag(name) : `[${flag(name)}]`));
  const rows = [...options.map(([name, spec]) => [flag(name), spec.required ? `${spec.description} (required)` : spec.description]),
    ['-h, --help', 'show this help']];
  const width = Math.max(...rows.map(([left]) => displayWidth(left))) + 2;
  return [
    `${PROGRAM} ${command.name} — ${command.summary}`,
    '',
    `Usage: ${PROGRAM} ${command.name}${usage.length ? ` ${usage.join(' ')}` : ''}`,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left}${' '.repeat(width - displayWidth(left))}${right}`),
    '',
    command.examples.length > 1 ? 'Examples:' : 'Example:',
    ...command.examples.map((e) => `  ${PROGRAM} ${command.name}${e ? ` ${e}` : ''}`),
  ].join('\n');
}

/** The line under an error of the command line, saying where the right form is shown. */
export function helpHint(command?: Command): string {
  return command ? `Run "${PROGRAM} ${command.name} --help" for its options.` : `Run "${PROGRAM} --help" for the commands.`;
}

/** Columns a string takes on a terminal: Chinese characters and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}
