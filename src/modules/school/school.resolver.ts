import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { schoolToday } from '../../core/dates';
import { gradesOf } from './school.policy';
import { schoolService } from './school.service';
import { SchoolNode, SubjectNode, TermNode } from './school.type';

@Resolver(() => SchoolNode)
export class SchoolResolver {
  @Authorized()
  @Query(() => SchoolNode, { description: 'Your school' })
  async school(@Ctx() ctx: RequestContext): Promise<SchoolNode> {
    const school = await schoolService.current(ctx);
    return SchoolNode.from(school, gradesOf(school.stage));
  }

  @FieldResolver(() => [TermNode], { description: 'Terms, oldest first' })
  async terms(@Ctx() ctx: RequestContext): Promise<TermNode[]> {
    return (await schoolService.terms(ctx)).map(TermNode.from);
  }

  @FieldResolver(() => TermNode, { nullable: true, description: "The term containing today's date (Beijing time)" })
  async currentTerm(@Ctx() ctx: RequestContext): Promise<TermNode | null> {
    const term = await schoolService.termOn(ctx, schoolToday());
    return term && TermNode.from(term);
  }

  @FieldResolver(() => [SubjectNode], { description: 'Subjects taught in the school' })
  async subjects(@Root() _school: SchoolNode, @Ctx() ctx: RequestContext): Promise<SubjectNode[]> {
    return (await schoolService.subjects(ctx)).map(SubjectNode.from);
  }
}
