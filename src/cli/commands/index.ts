import { Command } from '../command';
import { accountSlipsCommand } from './account-slips';
import { bankImportCommand } from './bank-import';
import { migrateCommand } from './migrate';
import { noticeExportCommand } from './notice-export';
import { passwordResetCommand } from './password-reset';
import { rosterExportCommand } from './roster-export';
import { rosterImportCommand } from './roster-import';
import { schoolCreateCommand } from './school-create';
import { schoolYearRolloverCommand } from './school-year-rollover';
import { seedCommand } from './seed';
import { seedScaleCommand } from './seed-scale';

/** The operators' commands, in the order `homework --help` lists them. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  seedCommand,
  seedScaleCommand,
  schoolCreateCommand,
  rosterImportCommand,
  rosterExportCommand,
  schoolYearRolloverCommand,
  passwordResetCommand,
  accountSlipsCommand,
  bankImportCommand,
  noticeExportCommand,
];
