import { Command } from '../command';
import { bankImportCommand } from './bank-import';
import { migrateCommand } from './migrate';
import { noticeExportCommand } from './notice-export';
import { passwordResetCommand } from './password-reset';
import { schoolCreateCommand } from './school-create';
import { seedCommand } from './seed';
import { seedScaleCommand } from './seed-scale';

/** The operators' commands, in the order `homework --help` lists them. */
export const COMMANDS: readonly Command[] = [
  migrateCommand,
  seedCommand,
  seedScaleCommand,
  schoolCreateCommand,
  passwordResetCommand,
  bankImportCommand,
  noticeExportCommand,
];
