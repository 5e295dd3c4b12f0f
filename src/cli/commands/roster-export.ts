import fs from 'node:fs';
import { rosterService } from '../../modules/roster/roster.service';
import { defineCommand, UsageError } from '../command';
import { schoolByCode } from '../lookup';
import { actAsOffice } from './roster-import';

export const rosterExportCommand = defineCommand({
  name: 'roster-export',
  summary: "write a school's current roster as a workbook in the roster-import layout (importing it back changes nothing)",
  options: {
    school: { type: 'string', value: 'CODE', required: true, description: "the school's code, e.g. jhsy" },
    out: { type: 'string', value: 'PATH', required: true, description: 'the .xlsx file to write' },
  },
  examples: ['--school jhsy --out 花名册.xlsx'],
  async run(o, { io, config, database }) {
    if (!/\.xlsx$/i.test(o.out)) throw new UsageError(`--out must name an .xlsx file, got "${o.out}"`);
    const db = await database();
    const school = await schoolByCode(db, o.school);
    const file = await rosterService.exportRoster(await actAsOffice(db, config, school));
    fs.writeFileSync(o.out, file.data);
    io.out(`wrote ${o.out}: the roster of ${school.name}`);
  },
});
