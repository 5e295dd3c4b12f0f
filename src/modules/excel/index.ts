import { defineModule } from '../../core/module';
import { ExcelResolver } from './excel.resolver';
import { ExcelMessages } from './excel.errors';
import { PrintMessages } from '../print/print.errors';

export default defineModule({
  name: 'excel',
  messages: [ExcelMessages, PrintMessages],
  resolvers: [ExcelResolver],
});
