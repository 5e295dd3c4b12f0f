import { graphql } from '../../../graphql';
import type { LoadDraftInput } from '../../../graphql/graphql';
import { useQuery } from '../../../app/client';
import { LoadGauge } from '../../../components/LoadGauge';
import { ErrorNote } from '../../../components/PageState';

/**
 * The days of homework over several days, in one request: each day of the class, and the draft's
 * share of it as the service counts it.
 */
const SpanLoadDocument = graphql(`
  query SpanLoad($classId: ID!, $dates: [LocalDate!]!, $draft: LoadDraftInput!) {
    loadPreviews(classId: $classId, dates: $dates) { date ...LoadGauge_preview }
    withDraft: loadPreviews(classId: $classId, dates: $dates, draft: $draft) { date draft { heaviestWrittenMinutes } }
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
  const query = useQuery(SpanLoadDocument, { classId, dates: days.map((d) => d.day), draft });
  if (query.error) return <ErrorNote error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return null;
  const previews = new Map(query.data.loadPreviews.map((p) => [p.date, p]));
  const served = new Map(query.data.withDraft.map((p) => [p.date, p.draft?.heaviestWrittenMinutes]));
  return (
    <div className="stack" style={{ gap: 12 }} role="list" aria-label="每天的作业总量">
      {days.map((d) => {
        const preview = previews.get(d.day);
        // A day just added to the span shows once the service has answered for it.
        if (!preview) return null;
        const minutes = query.loading ? undefined : served.get(d.day);
        return (
          <div role="listitem" key={d.day}>
            <LoadGauge preview={preview} subjectId={subjectId} day={d.day} thisMinutes={minutes ?? d.minutes} />
          </div>
        );
      })}
    </div>
  );
}
