import { Button, Card, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../../graphql';
import { useQuery } from '../../app/client';
import { useViewer } from '../../app/viewer';
import { DayPicker } from '../../components/DayPicker';
import { EmptyNote, Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { useDayParam, useSearchParam } from '../../components/useDayParam';
import { formatShortDay } from '../../format';

const WeekAssignmentsDocument = graphql(`
  query WeekAssignments($classId: ID!, $from: LocalDate!, $to: LocalDate!) {
    classAssignments(classId: $classId, from: $from, to: $to) {
      id day title status shape heaviestWrittenMinutes
      subject { id name }
      teacher { displayName }
    }
  }
`);

/** A teacher's week for one class: every subject's homework, with their own to edit or follow up. */
export function AssignmentList() {
  const { viewer } = useViewer();
  const [day, setDay] = useDayParam();
  const [classParam, setClassParam] = useSearchParam('class');
  const classes = [...new Map(viewer.teachingAssignments.map((t) => [t.class.id, t.class])).values()];
  const cls = classes.find((c) => c.id === classParam) ?? classes[0];
  const mySubjects = new Set(viewer.teachingAssignments.filter((t) => t.class.id === cls?.id).map((t) => t.subject.id));
  const monday = dayjs(day).subtract((dayjs(day).day() + 6) % 7, 'day');
  const from = monday.format('YYYY-MM-DD');
  const to = monday.add(6, 'day').format('YYYY-MM-DD');
  const week = useQuery(WeekAssignmentsDocument, { classId: cls?.id ?? '', from, to }, { skip: !cls });
  const classFieldId = useId();

  if (!cls) return <EmptyNote>你目前没有任教班级。</EmptyNote>;

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title">作业列表</Typography.Title>
      <Card>
        <div className="toolbar">
          <div className="field" style={{ minWidth: 160 }}>
            <label htmlFor={classFieldId}>班级</label>
            <Select id={classFieldId} value={cls.id} onChange={setClassParam} options={classes.map((c) => ({ value: c.id, label: c.name }))} />
          </div>
          <DayPicker value={day} onChange={setDay} label="查看哪一周（任选一天）" />
          <Link to={`/teacher/compose?date=${day}`}><Button type="primary">布置作业</Button></Link>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {formatShortDay(from)} 至 {formatShortDay(to)} · 分钟数为最重选择的家庭书面作业用时（每日上限按各学科之和计算）。
        </Typography.Paragraph>
      </Card>
      <Card>
        <Loadable data={week.data} error={week.error} retry={() => void week.refetch()}
          empty={(d) => (d.classAssignments.length ? null : <EmptyNote>这一周还没有作业。</EmptyNote>)}>
          {(d) => (
            <div>
              {[...d.classAssignments].sort((a, b) => a.day.localeCompare(b.day) || a.subject.name.localeCompare(b.subject.name, 'zh')).map((a) => {
                const mine = mySubjects.has(a.subject.id);
                return (
                  <div key={a.id} className="item-row">
                    <div className="item-main">
                      <div className="item-title">{formatShortDay(a.day)} · {a.subject.name} · {a.title}</div>
                      <div className="item-meta">
                        {a.status === 'PUBLISHED' ? <Pill tone="green">已发布</Pill> : <Pill tone="orange">草稿</Pill>}
                        <Pill>{a.shape === 'THREE_PART' ? '三三三' : 'A/B 套餐'}</Pill>
                        <span className="minutes">书面最多 {a.heaviestWrittenMinutes} 分钟</span>
                        {' · '}{a.teacher.displayName}
                      </div>
                    </div>
                    {mine && (
                      <Space className="item-actions" wrap>
                        <Link to={`/teacher/compose?assignment=${a.id}&date=${a.day}`}>修改</Link>
                        {a.status === 'PUBLISHED' && <Link to={`/teacher/assignments/${a.id}/overview`}>完成情况</Link>}
                      </Space>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </Loadable>
      </Card>
    </div>
  );
}
