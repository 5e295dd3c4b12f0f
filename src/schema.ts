import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './core/auth-checker';
import { AssignmentItemResolver, AssignmentResolver } from './modules/assignment/assignment.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { BankItemResolver, BankItemVersionResolver } from './modules/bank/bank-item.resolver';
import { UnitResolver } from './modules/bank/unit.resolver';
import { ClassResolver, TeachingAssignmentResolver } from './modules/class/class.resolver';
import { ChartResolver } from './modules/chart/chart.resolver';
import { ExcelResolver } from './modules/excel/excel.resolver';
import { LoadResolver } from './modules/load/load.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { PrivacyResolver } from './modules/privacy/privacy.resolver';
import { RecordSheetResolver } from './modules/record-sheet/record-sheet.resolver';
import { ResearchGroupResolver } from './modules/research-group/research-group.resolver';
import { SchoolResolver } from './modules/school/school.resolver';
import { SCHOOL_ADMIN_RESOLVERS } from './modules/school-admin/school-admin.resolver';
import { MarkResolver, StudentDayEntrySubmissionResolver, SubmissionResolver } from './modules/submission/submission.resolver';
import { UserResolver } from './modules/user/user.resolver';
import { WeeklyListEntryResolver, WeeklyListResolver } from './modules/weekly-list/weekly-list.resolver';

export const RESOLVERS = [
  AuthResolver,
  NodeResolver,
  SchoolResolver,
  ClassResolver,
  TeachingAssignmentResolver,
  UserResolver,
  ResearchGroupResolver,
  UnitResolver,
  BankItemResolver,
  BankItemVersionResolver,
  WeeklyListResolver,
  WeeklyListEntryResolver,
  LoadResolver,
  AssignmentResolver,
  AssignmentItemResolver,
  SubmissionResolver,
  MarkResolver,
  StudentDayEntrySubmissionResolver,
  RecordSheetResolver,
  PrivacyResolver,
  ExcelResolver,
  ChartResolver,
  ...SCHOOL_ADMIN_RESOLVERS,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once from the resolvers (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  return built;
}
