#!/usr/bin/env node
'use strict';
// `homework`, the operators' command line: runs the compiled CLI (src/cli/main.ts), so a run
// starts in a second instead of type-checking the project first.
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('homework: the project is not built yet: run npm run build first\n');
  process.exit(1);
}
require(main);
