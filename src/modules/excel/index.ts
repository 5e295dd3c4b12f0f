import { defineModule } from '../../core/module';
import { ExcelResolver } from './excel.resolver';

export default defineModule({
  name: 'excel',
  resolvers: [ExcelResolver],
});
