import { RequestContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { School, Subject, Term } from './school.entity';
import { termOn } from './school.policy';

export class SchoolService {
  /** The caller's own school. */
  async current(ctx: RequestContext): Promise<School> {
    const school = await ctx.db.getRepository(School).findOneBy({ id: ctx.schoolId });
    if (!school) throw new NotFoundError('School', ctx.schoolId);
    return school;
  }

  /** A school by id: only the caller's own exists for them. */
  async get(ctx: RequestContext, id: string): Promise<School> {
    if (id !== ctx.schoolId) throw new NotFoundError('School', id);
    return this.current(ctx);
  }

  async terms(ctx: RequestContext): Promise<Term[]> {
    return ctx.db.getRepository(Term).find({ where: { schoolId: ctx.schoolId }, order: { startsOn: 'ASC' } });
  }

  async term(ctx: RequestContext, id: string): Promise<Term> {
    const term = await ctx.loaders.termById.load(id);
    if (!term) throw new NotFoundError('Term', id);
    return term;
  }

  /** The term containing `date` (the school's local date, YYYY-MM-DD). */
  async termOn(ctx: RequestContext, date: string): Promise<Term | null> {
    return termOn(await this.terms(ctx), date);
  }

  async subjects(ctx: RequestContext): Promise<Subject[]> {
    return ctx.db
      .getRepository(Subject)
      .find({ where: { schoolId: ctx.schoolId }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  async subject(ctx: RequestContext, id: string): Promise<Subject> {
    const subject = await ctx.loaders.subjectById.load(id);
    if (!subject) throw new NotFoundError('Subject', id);
    return subject;
  }
}

export const schoolService = new SchoolService();
