import { graphql } from '../../../graphql';
import type { LoadDraftInput } from '../../../graphql/graphql';
import { useQuery } from '../../../app/client';
import { LoadGauge } from '../../../components/LoadGauge';
import { ErrorNote } from '../../../components/PageState';

/** A day of homework over several days: the class's day, and the draft's share of it as the service counts it. */
const SpanDayLoadDocument = graphql(`
  query SpanDayLoad($classId: ID!, $date: LocalDate!, $draft: LoadDraftInput!) {
    loadPreview(classId: $classId, date: $date) { ...LoadGauge_preview }
    withDraft: loadPreview(classId: $classId, date: $date, draft: $draft) { draft { heaviestWrittenMinutes } }
  }
`);

export interface SpanLoadDay {
  day: string;
  /** The day's share of the heaviest choice's written minutes, as apportioned here (shown until the service answers). */
  minutes: number;
}

/**
 * Homework over several days against each day it loads (a day with share 0 adds nothing and is
 * left out): the class's cap of that day, what other subjects published for it, and this
 * homework's share, so an over-full Sunday shows before publishing, not only in the refusal.
 */
export function SpanLoad({ classId, subjectId, draft, days }: { classId: string; subjectId: string; draft: LoadDraftInput; days: SpanLoadDay[] }) {
  return (
    <div className="stack" style={{ gap: 12 }} role="list" aria-label="每天的作业总量">
      {days.map((d) => (
        <div role="listitem" key={d.day}>
          <DayLoad classId={classId} subjectId={subjectId} draft={draft} day={d.day} minutes={d.minutes} />
        </div>
      ))}
    </div>
  );
}

function DayLoad({ classId, subjectId, draft, day, minutes }: { classId: string; subjectId: string; draft: LoadDraftInput; day: string; minutes: number }) {
  const query = useQuery(SpanDayLoadDocument, { classId, date: day, draft });
  if (query.error) return <ErrorNote error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return null;
  const served = query.loading ? undefined : query.data.withDraft.draft?.heaviestWrittenMinutes;
  return <LoadGauge preview={query.data.loadPreview} subjectId={subjectId} day={day} thisMinutes={served ?? minutes} />;
}
