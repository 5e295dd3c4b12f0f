import { defineModule } from '../../core/module';
import { NodeResolver } from './node.resolver';

export default defineModule({
  name: 'node',
  resolvers: [NodeResolver],
});
