import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { payloadOf, UserError } from '../../core/user-error';
import { loadService } from './load.service';
import { CalendarDayNode, CalendarDaySetInput, LoadCapNode, LoadPolicySetInput } from './load.type';

@ObjectType({ description: 'Result of setting a cap' })
class LoadPolicyPayload {
  @Field(() => LoadCapNode, { nullable: true, description: 'The cap now in force' }) cap!: LoadCapNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@ObjectType({ description: 'Result of marking a calendar day' })
class CalendarDayPayload {
  @Field(() => CalendarDayNode, { nullable: true, description: 'The day as marked' }) calendarDay!: CalendarDayNode | null;
  @Field(() => [UserError], { description: 'Business-rule refusals; empty on success' }) userErrors!: UserError[];
}

@Resolver()
export class LoadResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => [LoadCapNode], { description: 'The written-homework caps of every grade and kind of day (staff)' })
  loadCaps(@Ctx() ctx: RequestContext): Promise<LoadCapNode[]> {
    return loadService.effectiveCaps(ctx);
  }

  @Authorized()
  @Query(() => [CalendarDayNode], { description: 'Days the school calendar marks between two dates' })
  calendar(@Arg('from', () => LocalDate) from: string, @Arg('to', () => LocalDate) to: string, @Ctx() ctx: RequestContext): Promise<CalendarDayNode[]> {
    return loadService.calendar(ctx, from, to);
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => LoadPolicyPayload, { description: "Set the school's own cap (academic office); looser than national is refused" })
  loadPolicySet(@Arg('input', () => LoadPolicySetInput) input: LoadPolicySetInput, @Ctx() ctx: RequestContext): Promise<LoadPolicyPayload> {
    return payloadOf(async () => ({ cap: await loadService.setPolicy(ctx, input) }));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => CalendarDayPayload, { description: 'Mark a holiday or a weekend school day (academic office)' })
  calendarDaySet(@Arg('input', () => CalendarDaySetInput) input: CalendarDaySetInput, @Ctx() ctx: RequestContext): Promise<CalendarDayPayload> {
    return payloadOf(async () => ({ calendarDay: await loadService.setCalendarDay(ctx, input.day, input.kind, input.name) }));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => Boolean, { description: 'Unmark a calendar day; true when a mark was removed (academic office)' })
  calendarDayRemove(@Arg('day', () => LocalDate) day: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return loadService.removeCalendarDay(ctx, day);
  }
}
