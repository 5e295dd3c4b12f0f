import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { graphql } from '../../graphql';
import { useQuery } from '../../app/client';
import { Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { formatDay, OVERVIEW_STATE_NAMES } from '../../format';

const OverviewDocument = graphql(`
  query AssignmentOverviewPage($id: ID!) {
    assignment(id: $id) { id title day class { name } subject { name } choices { key label } }
    assignmentOverview(assignmentId: $id) {
      studentCount submittedCount markedCount correctionCount lateCount completionRate onTimeRate
      choiceCounts { choice count }
      markDistribution { mark count }
      states { state count students { id displayName } }
    }
  }
`);

/**
 * How one assignment is going: counts by state, by choice and by mark, and who is in each
 * state in student-number order — never a ranking of students.
 */
export function AssignmentOverview() {
  const { id = '' } = useParams();
  const q = useQuery(OverviewDocument, { id });
  return (
    <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={10}>
      {({ assignment: a, assignmentOverview: o }) => {
        const label = (key: string) => a.choices.find((c) => c.key === key)?.label ?? key;
        return (
          <div className="stack">
            <div>
              <Typography.Title level={2} className="page-title">完成情况：{a.title}</Typography.Title>
              <Typography.Text type="secondary">{a.class.name} · {a.subject.name} · {formatDay(a.day)} · <Link to={`/teacher/compose?assignment=${a.id}`}>修改作业</Link> · <Link to="/teacher/marking">去批改</Link></Typography.Text>
            </div>
            <Card>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}><Statistic title="全班人数" value={o.studentCount} /></Col>
                <Col xs={12} md={6}><Statistic title="已提交" value={o.submittedCount} /></Col>
                <Col xs={12} md={6}><Statistic title="已批改" value={o.markedCount} /></Col>
                <Col xs={12} md={6}><Statistic title="待订正" value={o.correctionCount} /></Col>
              </Row>
              <div style={{ marginTop: 16 }}>
                <div id="completion-label">提交率</div>
                <Progress percent={Math.round(o.completionRate * 100)} aria-labelledby="completion-label" />
                <div id="ontime-label">按时提交率（迟交 {o.lateCount} 人）</div>
                <Progress percent={Math.round(o.onTimeRate * 100)} aria-labelledby="ontime-label" />
              </div>
            </Card>
            <div className="two-columns">
              <Card title="学生的选择">
                {o.choiceCounts.length === 0 && <Typography.Text type="secondary">还没有学生选择。</Typography.Text>}
                {o.choiceCounts.map((c) => <div key={c.choice} className="item-row"><span>{label(c.choice)}</span><strong>{c.count} 人</strong></div>)}
              </Card>
              <Card title="等级分布（只统计人数，不排名）">
                {o.markDistribution.length === 0 && <Typography.Text type="secondary">还没有批改。</Typography.Text>}
                {o.markDistribution.map((m) => <div key={m.mark} className="item-row"><span>{m.mark}</span><strong>{m.count} 人</strong></div>)}
              </Card>
            </div>
            <Card title="按状态（学号顺序）">
              {o.states.map((s) => (
                <div key={s.state} className="sheet-row" role="group" aria-label={OVERVIEW_STATE_NAMES[s.state] ?? s.state}>
                  <div><Pill tone={s.state === 'correction_requested' ? 'orange' : s.state === 'marked' ? 'green' : 'gray'}>{OVERVIEW_STATE_NAMES[s.state] ?? s.state}</Pill><strong>{s.count} 人</strong></div>
                  {s.students.length > 0 && <div className="item-meta" style={{ marginTop: 6 }}>{s.students.map((st) => st.displayName).join('、')}</div>}
                </div>
              ))}
            </Card>
          </div>
        );
      }}
    </Loadable>
  );
}
