import { defineModule } from '../../core/module';
import { ItemCalibration, RecordSheet, RecordSheetEntry } from './record-sheet.entity';
import { RecordSheetResolver } from './record-sheet.resolver';

export default defineModule({
  name: 'record-sheet',
  entities: [RecordSheet, RecordSheetEntry, ItemCalibration],
  resolvers: [RecordSheetResolver],
});
