import { Alert, App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { graphql } from '../../graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { hasRole, useViewer } from '../../app/viewer';
import { DayPicker } from '../../components/DayPicker';
import { EmptyNote, Loadable } from '../../components/PageState';
import { useDayParam, useSearchParam } from '../../components/useDayParam';
import { formatDay } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const BudgetClassesDocument = graphql(`
  query BudgetClasses { classes { id name } }
`);

const SubjectBudgetWeekDocument = graphql(`
  query SubjectBudgetWeek($classId: ID!) {
    school { subjects { id name } }
    subjectBudgets(classId: $classId) {
      revision limitMinutes writtenCapMinutes totalCapMinutes
      days { weekday totalMinutes budgets { minutes subject { id } } }
    }
  }
`);

const SubjectBudgetsSetDocument = graphql(`
  mutation SubjectBudgetsSave($input: SubjectBudgetsSetInput!) {
    subjectBudgetsSet(input: $input) { week { revision } userErrors { code figures { name value } } }
  }
`);

const SubjectBudgetDayDocument = graphql(`
  query SubjectBudgetDayView($classId: ID!, $date: LocalDate!) {
    subjectBudgetDay(classId: $classId, date: $date) {
      budgeted
      lines { budgetMinutes releasedMinutes receivedMinutes availableMinutes usedMinutes remainingMinutes subject { id name } }
      releases { minutes from { name } to { name } }
    }
  }
`);

const SubjectBudgetReleaseDocument = graphql(`
  mutation SubjectBudgetGive($input: SubjectBudgetReleaseInput!) {
    subjectBudgetRelease(input: $input) { day { budgeted } userErrors { code figures { name value } } }
  }
`);

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** minutes[subjectId][weekday]; undefined: no budget. */
type Grid = Record<string, Record<number, number | undefined>>;

const problemOf = (e: unknown) => requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e)));

/**
 * The head teacher's coordination of the class's day (学科组、年级组作业统筹): each subject's
 * daily budget of written minutes per weekday, within the class's cap, and minutes a subject
 * does not need released to another for one date.
 */
export function SubjectBudgets() {
  const { viewer } = useViewer();
  const office = hasRole(viewer, 'ACADEMIC_OFFICE');
  const all = useQuery(BudgetClassesDocument, {}, { skip: !office });
  const classes = office ? all.data?.classes ?? [] : viewer.headTeacherOf;
  const [classParam, setClassParam] = useSearchParam('class');
  const cls = classes.find((c) => c.id === classParam) ?? classes[0];
  const classFieldId = useId();

  if (!cls) return office && all.loading ? null : <EmptyNote>你目前不是任何班级的班主任。</EmptyNote>;

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>各科作业时长</Typography.Title>
      <Card>
        <div className="toolbar">
          <div className="field" style={{ minWidth: 160 }}>
            <label htmlFor={classFieldId}>班级</label>
            <Select id={classFieldId} value={cls.id} onChange={setClassParam} options={classes.map((c) => ({ value: c.id, label: c.name }))} />
          </div>
        </div>
      </Card>
      <WeekPlan classId={cls.id} className={cls.name} />
      <DayRelease classId={cls.id} />
    </div>
  );
}

function WeekPlan({ classId, className }: { classId: string; className: string }) {
  const { message } = App.useApp();
  const q = useQuery(SubjectBudgetWeekDocument, { classId });
  const [grid, setGrid] = useState<Grid>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const next: Grid = {};
    for (const d of q.data?.subjectBudgets.days ?? []) {
      for (const b of d.budgets) (next[b.subject.id] ??= {})[d.weekday] = b.minutes;
    }
    setGrid(next);
  }, [q.data]);

  const week = q.data?.subjectBudgets;
  const subjects = q.data?.school.subjects ?? [];
  const sumOf = (weekday: number) => subjects.reduce((s, x) => s + (grid[x.id]?.[weekday] ?? 0), 0);
  const rows = useMemo(() => subjects.map((s) => ({ key: s.id, name: s.name })), [subjects]);

  async function save() {
    if (!week) return;
    setBusy(true);
    setProblems([]);
    try {
      // Weekdays beyond Friday (a weekend school day) keep what the plan had.
      const kept = week.days.filter((d) => d.weekday > 5).map((d) => ({ weekday: d.weekday, budgets: d.budgets.map((b) => ({ subjectId: b.subject.id, minutes: b.minutes })) }));
      const days = WEEKDAYS.map((weekday) => ({
        weekday,
        budgets: subjects.flatMap((s) => (grid[s.id]?.[weekday] == null ? [] : [{ subjectId: s.id, minutes: grid[s.id][weekday]! }])),
      })).filter((d) => d.budgets.length > 0);
      const { subjectBudgetsSet } = await execute(SubjectBudgetsSetDocument, { input: { classId, expectedRevision: week.revision, days: [...days, ...kept] } });
      if (subjectBudgetsSet.userErrors.length) setProblems(subjectBudgetsSet.userErrors.map(userErrorText));
      else {
        void message.success('各科预算已保存。');
        void q.refetch();
      }
    } catch (e) {
      setProblems([problemOf(e)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={`${className} · 每周各科书面作业预算（分钟）`}>
      <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={6}>
        {() => (
          <>
            <Typography.Paragraph type="secondary">
              每个上学日各科预算之和不超过 {week!.limitMinutes} 分钟（本班书面作业上限 {week!.writtenCapMinutes} 分钟
              {week!.totalCapMinutes !== null ? `，各类作业总时长上限 ${week!.totalCapMinutes} 分钟` : ''}）。
              某天设了预算后，各科只能在自己的预算内布置书面作业，没有预算的学科当天不布置书面作业；空着一整天则只按上限检查。
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              columns={[
                // Subject names such as 道德与法治 stay on one line at phone width; the weekdays scroll.
                { title: '学科', dataIndex: 'name', key: 'name', fixed: 'left', width: 96, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
                ...WEEKDAYS.map((weekday) => ({
                  title: WEEKDAY_NAMES[weekday],
                  key: String(weekday),
                  render: (_: unknown, row: { key: string; name: string }) => (
                    <InputNumber
                      aria-label={`${row.name}${WEEKDAY_NAMES[weekday]}预算`}
                      min={0}
                      max={90}
                      precision={0}
                      style={{ width: 72 }}
                      value={grid[row.key]?.[weekday] ?? null}
                      onChange={(v) => setGrid((g) => ({ ...g, [row.key]: { ...g[row.key], [weekday]: v ?? undefined } }))}
                    />
                  ),
                })),
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><span style={{ whiteSpace: 'nowrap' }}>合计</span></Table.Summary.Cell>
                  {WEEKDAYS.map((weekday, i) => (
                    <Table.Summary.Cell index={i + 1} key={weekday}>
                      <span style={{ color: sumOf(weekday) > week!.limitMinutes ? '#c41d1d' : undefined }} data-testid={`budget-sum-${weekday}`}>
                        {sumOf(weekday)} / {week!.limitMinutes}
                      </span>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
            {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginTop: 8 }} />}
            <Space style={{ marginTop: 12 }}>
              <Button type="primary" loading={busy} onClick={() => void save()}>保存预算</Button>
            </Space>
          </>
        )}
      </Loadable>
    </Card>
  );
}

function DayRelease({ classId }: { classId: string }) {
  const { message } = App.useApp();
  const [day, setDay] = useDayParam();
  const q = useQuery(SubjectBudgetDayDocument, { classId, date: day });
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromId = useId();
  const toId = useId();
  const minutesId = useId();
  const lines = q.data?.subjectBudgetDay.lines ?? [];

  async function release() {
    if (!from || !to || !minutes) return;
    setBusy(true);
    setProblem(null);
    try {
      const { subjectBudgetRelease } = await execute(SubjectBudgetReleaseDocument, { input: { classId, date: day, fromSubjectId: from, toSubjectId: to, minutes } });
      if (subjectBudgetRelease.userErrors.length) setProblem(subjectBudgetRelease.userErrors.map(userErrorText).join(' '));
      else {
        void message.success('已让出。');
        setMinutes(null);
        void q.refetch();
      }
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={`${formatDay(day)} · 各科预算与使用`}>
      <div className="toolbar"><DayPicker value={day} onChange={setDay} /></div>
      <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={4}
        empty={() => (q.data?.subjectBudgetDay.budgeted ? null : <EmptyNote>这一天没有各科预算，只按本班上限检查。</EmptyNote>)}>
        {() => (
          <>
            <Table
              size="small"
              pagination={false}
              rowKey={(l) => l.subject.id}
              dataSource={lines}
              columns={[
                { title: '学科', key: 'subject', render: (_: unknown, l) => l.subject.name },
                { title: '预算', dataIndex: 'budgetMinutes', key: 'budget' },
                { title: '让出', dataIndex: 'releasedMinutes', key: 'released' },
                { title: '获得', dataIndex: 'receivedMinutes', key: 'received' },
                { title: '可用', dataIndex: 'availableMinutes', key: 'available' },
                { title: '已发布', dataIndex: 'usedMinutes', key: 'used' },
                { title: '剩余', dataIndex: 'remainingMinutes', key: 'remaining' },
              ]}
            />
            {q.data!.subjectBudgetDay.releases.map((r, i) => (
              <div key={i} className="item-meta">{r.from.name} 让给 {r.to.name} {r.minutes} 分钟</div>
            ))}
            <div className="toolbar" style={{ marginTop: 12 }}>
              <div className="field">
                <label htmlFor={fromId}>让出的学科</label>
                <Select id={fromId} style={{ minWidth: 120 }} value={from} onChange={setFrom} options={lines.map((l) => ({ value: l.subject.id, label: `${l.subject.name}（剩 ${l.remainingMinutes}）` }))} />
              </div>
              <div className="field">
                <label htmlFor={toId}>给哪个学科</label>
                <Select id={toId} style={{ minWidth: 120 }} value={to} onChange={setTo} options={lines.filter((l) => l.subject.id !== from).map((l) => ({ value: l.subject.id, label: l.subject.name }))} />
              </div>
              <div className="field">
                <label htmlFor={minutesId}>分钟</label>
                <InputNumber id={minutesId} min={1} max={90} precision={0} value={minutes} onChange={setMinutes} />
              </div>
              <Button type="primary" loading={busy} disabled={!from || !to || !minutes} onClick={() => void release()} style={{ alignSelf: 'flex-end' }}>让出</Button>
            </div>
            {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
          </>
        )}
      </Loadable>
    </Card>
  );
}
