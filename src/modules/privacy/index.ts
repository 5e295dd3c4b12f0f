import { defineModule } from '../../core/module';
import { PrivacyResolver } from './privacy.resolver';

export default defineModule({
  name: 'privacy',
  resolvers: [PrivacyResolver],
});
