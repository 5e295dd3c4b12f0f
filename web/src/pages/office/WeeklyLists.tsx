import { Alert, App, Button, Card, DatePicker, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { graphql } from '../../graphql';
import type { OfficeWeeklyListsQuery, UserErrorCode } from '../../graphql/graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { TimeInput } from '../../components/TimeInput';
import { FORM_NAMES, formatDay, formatMoment, formatShortDay, todayInBeijing } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const OfficeWeeklyListsDocument = graphql(`
  query OfficeWeeklyLists($weekStart: LocalDate!) {
    weeklyListDeadline { dueWeekday dueTime revision }
    weeklyListOverview(weekStart: $weekStart) {
      weekStart dueAt pastDeadline
      lists {
        id status revision late minutesLate filedAt reviewedAt reviewComment
        group { id name grade }
        filedBy { displayName }
        reviewedBy { displayName }
        entries { day description form predictedMinutes atHome }
        loadCheck { fits daysOver { day capMinutes writtenMinutes totalCapMinutes minutes } }
        history { action at comment actor { displayName } }
      }
      groupsNotFiled { id name grade }
      grades { grade days { day minutes writtenMinutes } }
    }
  }
`);

const WeeklyListApproveDocument = graphql(`
  mutation WeeklyListApprove($input: WeeklyListApproveInput!) {
    weeklyListApprove(input: $input) { list { id status revision } userErrors { code figures { name value } } }
  }
`);
const WeeklyListReturnDocument = graphql(`
  mutation WeeklyListReturn($input: WeeklyListReturnInput!) {
    weeklyListReturn(input: $input) { list { id status revision } userErrors { code figures { name value } } }
  }
`);
const WeeklyListDeadlineSetDocument = graphql(`
  mutation WeeklyListDeadlineSet($input: WeeklyListDeadlineSetInput!) {
    weeklyListDeadlineSet(input: $input) { deadline { dueWeekday dueTime revision } userErrors { code figures { name value } } }
  }
`);

type Overview = OfficeWeeklyListsQuery['weeklyListOverview'];
type List = Overview['lists'][number];
type Refusal = { code: UserErrorCode; figures: { name: string; value: number }[] };

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const STATUS: Record<List['status'], { label: string; tone: 'gray' | 'blue' | 'green' | 'orange' }> = {
  DRAFT: { label: '草稿（未报送）', tone: 'gray' },
  FILED: { label: '待审核', tone: 'blue' },
  APPROVED: { label: '已审核通过', tone: 'green' },
  RETURNED: { label: '已退回修改', tone: 'orange' },
};
const ACTIONS: Record<string, string> = { FILED: '报送', APPROVED: '审核通过', RETURNED: '退回' };

/** The Monday of the week a day falls in. */
const mondayOf = (day: string) => {
  const d = dayjs(day);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
};

const lateText = (minutes: number) => (minutes >= 60 ? `迟交 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟` : `迟交 ${minutes} 分钟`);

/**
 * 教务处 · 周作业清单: every lesson-prep group's list for a week side by side — who filed on
 * time, late or not at all, each grade's daily totals and any day over a cap — and each filed
 * list approved or returned with a comment. The school's deadline is set here too.
 */
export function WeeklyLists() {
  const { message } = App.useApp();
  const [weekStart, setWeekStart] = useState(() => mondayOf(dayjs(todayInBeijing()).add(7, 'day').format('YYYY-MM-DD')));
  const query = useQuery(OfficeWeeklyListsDocument, { weekStart });
  const [returning, setReturning] = useState<List | null>(null);
  const [comment, setComment] = useState('');
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weekId = useId();
  const commentId = useId();

  async function run(work: () => Promise<Refusal[]>, done: string) {
    setBusy(true);
    setRefusals([]);
    setProblem(null);
    try {
      const refused = await work();
      if (refused.length) setRefusals(refused);
      else void message.success(done);
      void query.refetch();
      return refused.length === 0;
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const approve = (list: List) => run(async () => {
    const { weeklyListApprove } = await execute(WeeklyListApproveDocument, { input: { listId: list.id, expectedRevision: list.revision } });
    return weeklyListApprove.userErrors;
  }, `已审核通过${list.group.name}的清单。`);

  const sendBack = async () => {
    if (!returning || !comment.trim()) return;
    const list = returning;
    const ok = await run(async () => {
      const { weeklyListReturn } = await execute(WeeklyListReturnDocument, { input: { listId: list.id, expectedRevision: list.revision, comment: comment.trim() } });
      return weeklyListReturn.userErrors;
    }, `已退回${list.group.name}的清单，备课组修改后可重新报送。`);
    if (ok) {
      setReturning(null);
      setComment('');
    }
  };

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title">周作业清单</Typography.Title>
      <Card>
        <div className="toolbar" style={{ marginBottom: 0 }}>
          <div className="field">
            <label htmlFor={weekId}>清单所属的周</label>
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label="上一周" onClick={() => setWeekStart(dayjs(weekStart).subtract(7, 'day').format('YYYY-MM-DD'))} />
              <DatePicker id={weekId} format="YYYY-MM-DD" value={dayjs(weekStart)} allowClear={false}
                onChange={(d) => d && setWeekStart(mondayOf(d.format('YYYY-MM-DD')))} style={{ width: 150 }} />
              <Button icon={<RightOutlined />} aria-label="下一周" onClick={() => setWeekStart(dayjs(weekStart).add(7, 'day').format('YYYY-MM-DD'))} />
            </Space.Compact>
          </div>
          <strong aria-live="polite">{formatShortDay(weekStart)} 至 {formatShortDay(dayjs(weekStart).add(6, 'day').format('YYYY-MM-DD'))}</strong>
        </div>
      </Card>

      {(refusals.length > 0 || problem) && (
        <Alert type="error" showIcon role="alert" title="没有完成" description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {problem && <li>{problem}</li>}
            {refusals.map((r, i) => <li key={i}>{userErrorText(r)}</li>)}
          </ul>
        } />
      )}

      <Loadable data={query.data} error={query.error} retry={() => void query.refetch()} rows={8}>
        {(data) => {
          const o = data.weeklyListOverview;
          return (
            <>
              <Card title="报送情况">
                <p style={{ marginTop: 0 }}>
                  截止时间：{formatMoment(o.dueAt)}（学校设置：上一周的{WEEKDAYS[data.weeklyListDeadline.dueWeekday - 1]} {data.weeklyListDeadline.dueTime}）
                  {o.pastDeadline ? '，已过截止时间。' : '。'}迟交的清单照常接收并标注“迟交”。
                </p>
                {o.groupsNotFiled.length === 0 ? <Pill tone="green">所有备课组都已报送</Pill> : (
                  <div>
                    <span>尚未报送（{o.groupsNotFiled.length}）：</span>
                    <Space wrap size={6}>
                      {o.groupsNotFiled.map((g) => <Pill key={g.id} tone={o.pastDeadline ? 'red' : 'gray'}>{g.name}{o.pastDeadline ? ' · 逾期' : ''}</Pill>)}
                    </Space>
                  </div>
                )}
              </Card>

              {o.grades.length > 0 && (
                <Card title="各年级每日计划总时长（已报送的清单）">
                  {o.grades.map((g) => (
                    <div key={g.grade} className="sheet-row">
                      <strong>{g.grade} 年级</strong>
                      <div className="item-meta">
                        {g.days.filter((d) => d.minutes > 0).map((d) => `${formatShortDay(d.day)} 共 ${d.minutes} 分钟（书面 ${d.writtenMinutes}）`).join('；') || '没有计划'}
                      </div>
                    </div>
                  ))}
                </Card>
              )}

              {o.lists.length === 0 && <Alert type="info" showIcon title="这一周还没有备课组保存清单。" />}
              {o.lists.map((list) => (
                <Card key={list.id} title={
                  <Space wrap size={6}>
                    <span>{list.group.name}</span>
                    <Pill tone={STATUS[list.status].tone}>{STATUS[list.status].label}</Pill>
                    {list.late && <Pill tone="red">{lateText(list.minutesLate)}</Pill>}
                    {!list.loadCheck.fits && <Pill tone="red">有超出上限的日子</Pill>}
                  </Space>
                }>
                  <div className="item-meta">
                    {list.filedAt ? `报送：${list.filedBy?.displayName ?? ''} ${formatMoment(list.filedAt)}` : '尚未报送'}
                    {list.reviewedAt ? ` · 审核：${list.reviewedBy?.displayName ?? ''} ${formatMoment(list.reviewedAt)}` : ''}
                  </div>
                  {list.reviewComment && <Alert type={list.status === 'RETURNED' ? 'warning' : 'success'} style={{ margin: '8px 0' }} title={`教务处意见：${list.reviewComment}`} />}
                  {list.loadCheck.daysOver.map((d) => (
                    <Alert key={d.day} type="error" style={{ margin: '8px 0' }}
                      title={`${formatDay(d.day)}：书面 ${d.writtenMinutes}/${d.capMinutes} 分钟${d.totalCapMinutes != null ? `，各类合计 ${d.minutes}/${d.totalCapMinutes} 分钟` : ''}`} />
                  ))}
                  <ul style={{ paddingInlineStart: 18, marginBottom: 8 }}>
                    {list.entries.map((e, i) => (
                      <li key={i}>
                        {formatShortDay(e.day)}：{e.description}（{FORM_NAMES[e.form]}，{e.predictedMinutes} 分钟{e.atHome ? '' : '，在校完成'}）
                      </li>
                    ))}
                    {list.entries.length === 0 && <li>没有安排作业</li>}
                  </ul>
                  {list.history.length > 0 && (
                    <details>
                      <summary>报送与审核记录（{list.history.length}）</summary>
                      <ul style={{ paddingInlineStart: 18 }}>
                        {list.history.map((h, i) => (
                          <li key={i}>{formatMoment(h.at)} {h.actor.displayName} {ACTIONS[h.action]}{h.comment ? `：${h.comment}` : ''}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {list.status === 'FILED' && (
                    <Space wrap style={{ marginTop: 8 }}>
                      <Popconfirm title={`确定审核通过${list.group.name}的清单吗？`} okText="通过" cancelText="取消" onConfirm={() => void approve(list)}>
                        <Button type="primary" loading={busy}>审核通过</Button>
                      </Popconfirm>
                      <Button loading={busy} onClick={() => { setReturning(list); setComment(''); }}>退回修改</Button>
                    </Space>
                  )}
                </Card>
              ))}

              <DeadlineCard deadline={data.weeklyListDeadline} onSaved={() => void query.refetch()} />
            </>
          );
        }}
      </Loadable>

      <Modal open={!!returning} title={returning ? `退回${returning.group.name}的清单` : ''} okText="退回" cancelText="取消"
        okButtonProps={{ disabled: !comment.trim(), loading: busy }} onOk={() => void sendBack()} onCancel={() => setReturning(null)}>
        <label htmlFor={commentId}>修改意见（必填，备课组会看到）</label>
        <Input.TextArea id={commentId} value={comment} maxLength={500} showCount rows={4} onChange={(e) => setComment(e.target.value)}
          placeholder="例如：周一书面作业偏多，请把抄写减到 30 分钟以内" />
      </Modal>
    </div>
  );
}

/** The school's deadline for the weekly lists: a weekday of the week before, and a time. */
function DeadlineCard(props: { deadline: OfficeWeeklyListsQuery['weeklyListDeadline']; onSaved: () => void }) {
  const { message } = App.useApp();
  const [weekday, setWeekday] = useState(props.deadline.dueWeekday);
  const [time, setTime] = useState(props.deadline.dueTime);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weekdayId = useId();
  const timeId = useId();

  async function save() {
    setError(null);
    if (!/^\d{2}:\d{2}$/.test(time)) return setError('请填写截止时刻，例如 17:00。');
    setBusy(true);
    try {
      const { weeklyListDeadlineSet } = await execute(WeeklyListDeadlineSetDocument, {
        input: { dueWeekday: weekday, dueTime: time, expectedRevision: props.deadline.revision },
      });
      if (weeklyListDeadlineSet.userErrors.length) return setError(weeklyListDeadlineSet.userErrors.map(userErrorText).join('；'));
      void message.success('截止时间已保存。');
      props.onSaved();
    } catch (e) {
      setError(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="报送截止时间">
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <div className="field">
          <label htmlFor={weekdayId}>上一周的</label>
          <Select id={weekdayId} value={weekday} onChange={setWeekday} style={{ width: 120 }}
            options={WEEKDAYS.map((label, i) => ({ value: i + 1, label }))} />
        </div>
        <div className="field">
          <label htmlFor={timeId}>时刻</label>
          <TimeInput id={timeId} value={time} onChange={setTime} />
        </div>
        <Button type="primary" loading={busy} onClick={() => void save()}>保存</Button>
      </div>
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error} />}
    </Card>
  );
}
