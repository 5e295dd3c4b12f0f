import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/roles';
import { Payload } from '../../core/payload';
import { SchoolSettings, SchoolSettingsInput, schoolSettingsService } from './school-settings';
import { RequestContext } from '../../core/context';
import { schoolToday } from '../../core/dates';
import { gradesOf } from './school.policy';
import { schoolService } from './school.service';
import { SchoolNode, SubjectNode, TermNode } from './school.type';

const SchoolSettingsPayload = Payload('settings', () => SchoolSettings, {
  name: 'SchoolSettingsPayload', description: 'Result of changing school settings', fieldDescription: 'The settings now',
});
type SchoolSettingsPayload = InstanceType<typeof SchoolSettingsPayload>;

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

  @FieldResolver(() => SchoolSettings, { description: "The school's own settings (load caps are under loadCaps)" })
  async settings(@Ctx() ctx: RequestContext): Promise<SchoolSettings> {
    return SchoolSettings.from(await schoolSettingsService.get(ctx));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => SchoolSettingsPayload, { description: 'Change school settings (academic office)' })
  schoolSettingsUpdate(@Arg('input', () => SchoolSettingsInput) input: SchoolSettingsInput, @Ctx() ctx: RequestContext): Promise<SchoolSettingsPayload> {
    return SchoolSettingsPayload.of(async () => SchoolSettings.from(await schoolSettingsService.update(ctx, input)));
  }

  @FieldResolver(() => [SubjectNode], { description: 'Subjects taught in the school' })
  async subjects(@Root() _school: SchoolNode, @Ctx() ctx: RequestContext): Promise<SubjectNode[]> {
    return (await schoolService.subjects(ctx)).map(SubjectNode.from);
  }
}
