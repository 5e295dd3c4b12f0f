import { defineModule } from '../../core/module';
import { RecordSheet, RecordSheetEntry, RecordSheetMessage } from './record-sheet.entity';
import { RecordSheetMessageResolver, RecordSheetResolver } from './record-sheet.resolver';
import { RecordSheetErrors, RecordSheetMessages } from './record-sheet.errors';

export default defineModule({
  name: 'record-sheet',
  errors: [RecordSheetErrors],
  messages: [RecordSheetMessages],
  entities: [RecordSheet, RecordSheetEntry, RecordSheetMessage],
  resolvers: [RecordSheetResolver, RecordSheetMessageResolver],
});
