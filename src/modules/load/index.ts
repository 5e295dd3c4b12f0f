import { defineModule } from '../../core/module';
import { CalendarDay, LoadPolicy } from './load.entity';
import { LoadResolver } from './load.resolver';
import { LoadErrors, LoadMessages } from './load.errors';
import { loadLoaders } from './load.loaders';
import { SubjectBudget, SubjectBudgetPlan, SubjectBudgetRelease } from './subject-budget.entity';
import { SubjectBudgetResolver } from './subject-budget.resolver';

export default defineModule<ReturnType<typeof loadLoaders>>({
  name: 'load',
  errors: [LoadErrors],
  messages: [LoadMessages],
  entities: [LoadPolicy, CalendarDay, SubjectBudgetPlan, SubjectBudget, SubjectBudgetRelease],
  resolvers: [LoadResolver, SubjectBudgetResolver],
  loaders: loadLoaders,
});
