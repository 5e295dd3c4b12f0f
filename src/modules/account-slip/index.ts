import { defineModule } from '../../core/module';
import { AccountSlipErrors } from './account-slip.errors';
import { AccountSlipResolver } from './account-slip.resolver';

export default defineModule({
  name: 'account-slip',
  resolvers: [AccountSlipResolver],
  errors: [AccountSlipErrors],
});
