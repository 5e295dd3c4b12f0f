import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { filesHash } from './database-templates';
import { runDir, whileLocked } from './test-run';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The service as JavaScript, for tests that run it in a child process as operators run it
 * (`node …/src/main.js`). Made once per test run, by the first file that needs it and under a
 * lock of the run, into the run's folder (removed with the run); its `node_modules` is a link to
 * the project's, so the child finds its packages.
 *
 * Each file goes through TypeScript's per-file transpiler with the build's compiler options:
 * the JavaScript ts-jest gives every other test (tsconfig's isolatedModules), in seconds rather
 * than the minute a type-checking build takes on a busy machine. Type errors are the
 * typecheck's business. Named by a hash of the sources, so a change mid-run makes a new one.
 *
 * Returns the path of the service's entry point, `src/main.js`.
 */
export async function builtService(): Promise<string> {
  // The files and options of `npm run build` (tsconfig.build.json).
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.build.json'), ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = fileNames.filter((f) => !f.endsWith('.d.ts')).map((f) => path.relative(ROOT, f)).sort();
  const build = path.join(runDir(), `build-${filesHash(files)}`);
  const main = path.join(build, 'src', 'main.js');
  if (fs.existsSync(main)) return main;

  await whileLocked(`${build}.lock`, async () => {
    if (fs.existsSync(main)) return;
    const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false };
    // Written under another name and renamed when whole: a maker that dies leaves no half build.
    const making = `${build}.new`;
    fs.rmSync(making, { recursive: true, force: true });
    for (const file of files) {
      const { outputText } = ts.transpileModule(fs.readFileSync(path.join(ROOT, file), 'utf8'), { compilerOptions, fileName: file });
      const out = path.join(making, file.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, outputText);
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(making, 'node_modules'), 'dir');
    fs.renameSync(making, build);
  });
  return main;
}
