import { defineModule } from '../../core/module';
import { ChartResolver } from './chart.resolver';
import { ChartMessages } from './chart.errors';

export default defineModule({
  name: 'chart',
  messages: [ChartMessages],
  resolvers: [ChartResolver],
});
