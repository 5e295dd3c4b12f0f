import { Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../graphql';
import { useQuery } from '../../app/client';
import { DayPicker } from '../../components/DayPicker';
import { EmptyNote, Loadable } from '../../components/PageState';
import { useDayParam } from '../../components/useDayParam';
import { RecordSheetForm } from './RecordSheetForm';
import { SubjectCard } from './SubjectCard';

const StudentTodayDocument = graphql(`
  query StudentToday($date: LocalDate!) {
    studentDay(date: $date) { assignment { id } ...SubjectCard_entry }
  }
`);

/** The student's day, phone-first: each subject's homework with its choices, then the record sheet. */
export function Today() {
  const [day, setDay] = useDayParam();
  const q = useQuery(StudentTodayDocument, { date: day });
  const [changes, setChanges] = useState(0);
  const refresh = async () => {
    await q.refetch();
    setChanges((c) => c + 1);
  };
  return (
    <div className="stack" style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>今日作业</Typography.Title>
      <DayPicker value={day} onChange={setDay} />
      <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={6}
        empty={(d) => (d.studentDay.length ? null : <EmptyNote>这一天没有布置作业。好好休息，坚持阅读和锻炼！</EmptyNote>)}>
        {(d) => d.studentDay.map((e) => <SubjectCard key={e.assignment.id} entry={e} onChanged={refresh} />)}
      </Loadable>
      {q.data && q.data.studentDay.length > 0 && <RecordSheetForm date={day} version={changes} />}
    </div>
  );
}
