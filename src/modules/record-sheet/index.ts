import { defineModule } from '../../core/module';
import { ItemCalibration, RecordSheet, RecordSheetEntry } from './record-sheet.entity';
import { RecordSheetResolver } from './record-sheet.resolver';
import { RecordSheetErrors, RecordSheetMessages } from './record-sheet.errors';

export default defineModule({
  name: 'record-sheet',
  errors: [RecordSheetErrors],
  messages: [RecordSheetMessages],
  entities: [RecordSheet, RecordSheetEntry, ItemCalibration],
  resolvers: [RecordSheetResolver],
});
