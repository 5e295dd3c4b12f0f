import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../core/database';
import { DomainError } from '../core/errors';
import { CliError, runCli } from './operator';

/** `npm run cli -- <command>`: see src/cli/operator.ts and README. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDataDir: config.embeddedDataDir });
  const tty = process.stderr.isTTY;
  try {
    await runCli(process.argv.slice(2), db, config, {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
      progress: (done, total) => {
        if (!tty) return;
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      },
    });
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  const message = e instanceof CliError || e instanceof DomainError ? e.message : e instanceof Error ? e.message : String(e);
  // One clear line; the usage text when no command was given.
  process.stderr.write(message.startsWith('usage:') ? `${message}\n` : `error: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
