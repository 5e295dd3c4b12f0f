import 'reflect-metadata';
import { processEnv, runCli } from './run';

/** The `homework` command (bin/homework.js runs this file once built); see run.ts. */
runCli(process.argv.slice(2), processEnv()).then((code) => {
  process.exitCode = code;
});
