import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../core/context';
import { Role, STAFF_ROLES } from '../../core/roles';
import { LocalDate } from '../../core/scalars';
import { Payload } from '../../core/payload';
import { loadService } from './load.service';
import { CalendarDayNode, CalendarDaySetInput, LoadCapNode, LoadPolicySetInput } from './load.type';

const LoadPolicyPayload = Payload('cap', () => LoadCapNode, {
  name: 'LoadPolicyPayload', description: 'Result of setting a cap', fieldDescription: 'The cap now in force',
});
type LoadPolicyPayload = InstanceType<typeof LoadPolicyPayload>;

const CalendarDayPayload = Payload('calendarDay', () => CalendarDayNode, {
  name: 'CalendarDayPayload', description: 'Result of marking a calendar day', fieldDescription: 'The day as marked',
});
type CalendarDayPayload = InstanceType<typeof CalendarDayPayload>;

const CalendarDayRemovePayload = Payload('removed', () => Boolean, {
  name: 'CalendarDayRemovePayload', description: 'Result of unmarking a calendar day', fieldDescription: 'True when a mark was removed',
  whenRefused: false,
});
type CalendarDayRemovePayload = InstanceType<typeof CalendarDayRemovePayload>;

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
    return LoadPolicyPayload.of(() => loadService.setPolicy(ctx, input));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => CalendarDayPayload, { description: 'Mark a holiday or a weekend school day (academic office)' })
  calendarDaySet(@Arg('input', () => CalendarDaySetInput) input: CalendarDaySetInput, @Ctx() ctx: RequestContext): Promise<CalendarDayPayload> {
    return CalendarDayPayload.of(() => loadService.setCalendarDay(ctx, input.day, input.kind, input.name));
  }

  @Authorized(Role.ACADEMIC_OFFICE)
  @Mutation(() => CalendarDayRemovePayload, { description: 'Unmark a calendar day (academic office)' })
  calendarDayRemove(@Arg('day', () => LocalDate) day: string, @Ctx() ctx: RequestContext): Promise<CalendarDayRemovePayload> {
    return CalendarDayRemovePayload.of(() => loadService.removeCalendarDay(ctx, day));
  }
}
