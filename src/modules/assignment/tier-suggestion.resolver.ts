import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { fromGlobalId } from '../../core/ids';
import { Payload } from '../../core/payload';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { userService } from '../user/user.service';
import { UserNode } from '../user/user.type';
import { SuggestionLine, tierSuggestionService } from './tier-suggestion.service';
import { TierSuggestInput, TierSuggestionNode, WeekTierSuggestionsNode } from './tier-suggestion.type';

const TierSuggestPayload = Payload('suggestion', () => TierSuggestionNode, {
  name: 'TierSuggestPayload', description: 'Result of suggesting a tier', fieldDescription: "The suggestion with the student's choice",
});
type TierSuggestPayload = InstanceType<typeof TierSuggestPayload>;

const nodeOf = (l: SuggestionLine): TierSuggestionNode => Object.assign(new TierSuggestionNode(), {
  choice: l.suggestion.choice, suggestedAt: l.suggestion.suggestedAt, chosen: l.chosen, followed: l.chosen === null ? null : l.chosen === l.suggestion.choice,
  studentId: l.suggestion.studentId, suggestedBy: l.suggestion.suggestedBy,
});

@Resolver(() => TierSuggestionNode)
export class TierSuggestionResolver {
  @Authorized(Role.TEACHER)
  @Mutation(() => TierSuggestPayload, { description: 'Suggest a choice to a student (分层、个性化): the student sees it and still chooses any offered choice; both are kept' })
  tierSuggest(@Arg('input', () => TierSuggestInput) input: TierSuggestInput, @Ctx() ctx: RequestContext): Promise<TierSuggestPayload> {
    return TierSuggestPayload.of(async () => nodeOf(await tierSuggestionService.suggest(
      ctx, fromGlobalId(input.assignmentId, 'Assignment', 'assignmentId'), fromGlobalId(input.studentId, 'User', 'studentId'), input.choice)));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [TierSuggestionNode], { description: "An assignment's tier suggestions with each student's choice (staff of the class; noted in the access log)" })
  async tierSuggestions(@Arg('assignmentId', () => ID) assignmentId: string, @Ctx() ctx: RequestContext): Promise<TierSuggestionNode[]> {
    return (await tierSuggestionService.ofAssignment(ctx, fromGlobalId(assignmentId, 'Assignment', 'assignmentId'))).map(nodeOf);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [WeekTierSuggestionsNode], { description: "Beside the tier trend: per week, how often a class's tier suggestions in a subject were followed (counts only)" })
  tierSuggestionTrend(
    @Arg('classId', () => ID) classId: string, @Arg('subjectId', () => ID) subjectId: string,
    @Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext,
  ): Promise<WeekTierSuggestionsNode[]> {
    return tierSuggestionService.trend(ctx, fromGlobalId(classId, 'Class', 'classId'), fromGlobalId(subjectId, 'Subject', 'subjectId'), from, to);
  }

  @FieldResolver(() => UserNode, { description: 'The student' })
  async student(@Root() s: TierSuggestionNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, s.studentId));
  }

  @FieldResolver(() => UserNode, { description: 'The teacher who suggested it' })
  async suggestedBy(@Root() s: TierSuggestionNode, @Ctx() ctx: RequestContext): Promise<UserNode> {
    return UserNode.from(await userService.get(ctx, s.suggestedBy));
  }
}
