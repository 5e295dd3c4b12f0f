import { defineModule } from '../../core/module';
import { ChartResolver } from './chart.resolver';

export default defineModule({
  name: 'chart',
  resolvers: [ChartResolver],
});
