import { Alert, App, Button, Card, Input, Segmented, Select, Space, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { graphql } from '../../graphql';
import type { ClassSheetsQuery } from '../../graphql/graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { hasRole, useViewer } from '../../app/viewer';
import { DayPicker } from '../../components/DayPicker';
import { EmptyNote, Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { useDayParam, useSearchParam } from '../../components/useDayParam';
import { choiceName, FLAG_NAMES, formatDay, formatMoment } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const AllClassesDocument = graphql(`
  query AllClasses { classes { id name } }
`);

const ClassSheetsDocument = graphql(`
  query ClassSheets($classId: ID!, $date: LocalDate!) {
    classRecordSheets(classId: $classId, date: $date) {
      filled locked flags bedtime bedtimeTarget actualWrittenMinutes capMinutes readNote unansweredMessages selfStudyContent selfStudyMinutes
      messages { id body createdAt reply author { displayName } }
      student { id displayName studentNo }
      lines { choice predictedMinutes actualMinutes overran assignment { id subject { name } } }
    }
  }
`);

const SheetReadDocument = graphql(`
  mutation SheetRead($studentId: ID!, $date: LocalDate!, $reply: String, $reopen: Boolean!) {
    recordSheetRead(studentId: $studentId, date: $date, reply: $reply, reopen: $reopen) { sheet { locked readNote } userErrors { code figures { name value } } }
  }
`);

const MessageAnswerDocument = graphql(`
  mutation MessageAnswer($input: RecordSheetMessageAnswerInput!) {
    recordSheetMessageAnswer(input: $input) { message { id reply } userErrors { code figures { name value } } }
  }
`);

type Filter = 'all' | 'flagged' | 'messages' | 'unfilled';

/**
 * The head teacher's day: every student's record sheet with its flags (late bedtime, over the
 * cap, a subject that overran), parents' messages waiting for a reply — each answered on its
 * own — and who has not filled in.
 */
export function ClassSheets() {
  const { viewer } = useViewer();
  const [day, setDay] = useDayParam();
  const office = hasRole(viewer, 'ACADEMIC_OFFICE');
  const all = useQuery(AllClassesDocument, {}, { skip: !office });
  const classes = office ? all.data?.classes ?? [] : viewer.headTeacherOf;
  const [classParam, setClassParam] = useSearchParam('class');
  const cls = classes.find((c) => c.id === classParam) ?? classes[0];
  const q = useQuery(ClassSheetsDocument, { classId: cls?.id ?? '', date: day }, { skip: !cls });
  const [filter, setFilter] = useState<Filter>('all');
  const classFieldId = useId();

  const sheets = useMemo(() => {
    const list = q.data?.classRecordSheets ?? [];
    const waiting = (s: (typeof list)[number]) => s.unansweredMessages > 0;
    const rank = (s: (typeof list)[number]) => (waiting(s) ? 0 : s.flags.length ? 1 : 2);
    return [...list]
      .filter((s) => filter === 'all' || (filter === 'flagged' ? s.flags.length > 0 : filter === 'messages' ? waiting(s) : !s.filled))
      .sort((a, b) => rank(a) - rank(b) || (a.student.studentNo ?? '').localeCompare(b.student.studentNo ?? ''));
  }, [q.data, filter]);
  const list = q.data?.classRecordSheets ?? [];

  if (!cls) return office && all.loading ? null : <EmptyNote>你目前不是任何班级的班主任。</EmptyNote>;

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>作业记录单</Typography.Title>
      <Card>
        <div className="toolbar">
          <div className="field" style={{ minWidth: 160 }}>
            <label htmlFor={classFieldId}>班级</label>
            <Select id={classFieldId} value={cls.id} onChange={setClassParam} options={classes.map((c) => ({ value: c.id, label: c.name }))} />
          </div>
          <DayPicker value={day} onChange={setDay} />
        </div>
        {q.data && (
          <Space wrap size="large">
            <span>已填写 <strong>{list.filter((s) => s.filled).length}</strong> / {list.length}</span>
            <span>有提醒 <strong>{list.filter((s) => s.flags.length).length}</strong></span>
            <span>家长留言待回复 <strong>{list.reduce((n, s) => n + s.unansweredMessages, 0)}</strong> 条</span>
          </Space>
        )}
      </Card>
      <Card title={`${cls.name} · ${formatDay(day)}`}>
        <Segmented<Filter> aria-label="筛选" value={filter} onChange={setFilter} style={{ marginBottom: 12 }}
          options={[{ value: 'all', label: '全部' }, { value: 'flagged', label: '有提醒' }, { value: 'messages', label: '待回复' }, { value: 'unfilled', label: '未填写' }]} />
        <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={8}
          empty={() => (sheets.length ? null : <EmptyNote>没有符合条件的记录单。</EmptyNote>)}>
          {() => sheets.map((s) => <SheetRow key={s.student.id} sheet={s} date={day} onChanged={() => void q.refetch()} />)}
        </Loadable>
      </Card>
    </div>
  );
}

type Sheet = ClassSheetsQuery['classRecordSheets'][number];

function SheetRow({ sheet: s, date, onChanged }: { sheet: Sheet; date: string; onChanged: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replyId = useId();

  async function read(reopen: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      const { recordSheetRead } = await execute(SheetReadDocument, { studentId: s.student.id, date, reply: reopen ? undefined : reply.trim() || undefined, reopen });
      if (recordSheetRead.userErrors.length) setProblem(recordSheetRead.userErrors.map(userErrorText).join(' '));
      else {
        void message.success(reopen ? '已退回，学生可以修改记录单。' : reply.trim() ? '已阅并写下批语。' : '已阅。');
        setReply('');
        onChanged();
      }
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sheet-row" role="group" aria-label={`${s.student.displayName}的记录单`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <div>
          <strong>{s.student.displayName}</strong> <span className="item-meta">{s.student.studentNo}</span>{' '}
          {!s.filled && <Pill>未填写</Pill>}
          {s.flags.map((f) => <Pill key={f} tone="red">{FLAG_NAMES[f] ?? f}</Pill>)}
          {s.unansweredMessages > 0 && <Pill tone="orange">家长留言待回复{s.unansweredMessages > 1 ? ` ${s.unansweredMessages} 条` : ''}</Pill>}
          {s.locked && <Pill tone="green">已阅</Pill>}
        </div>
        <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>{open ? '收起' : '查看'}</Button>
      </div>
      <div className="item-meta">
        书面 {s.actualWrittenMinutes} / {s.capMinutes} 分钟 · 就寝 {s.bedtime ?? '—'}（应不晚于 {s.bedtimeTarget}）
      </div>
      {s.messages.length > 0 && (
        <ol aria-label={`${s.student.displayName}家长的留言`} style={{ paddingLeft: 20, margin: '4px 0' }}>
          {s.messages.map((m, i) => <MessageItem key={m.id} message={m} index={i + 1} onChanged={onChanged} />)}
        </ol>
      )}
      {s.readNote && <div className="item-meta">我的批语：{s.readNote}</div>}
      {open && (
        <div style={{ marginTop: 8 }}>
          {s.lines.map((l) => (
            <div key={l.assignment.id} className="item-meta">
              {l.assignment.subject.name}：选择 {choiceName(l.choice)} · 预估 {l.predictedMinutes ?? '—'} 分钟 · 实际 {l.actualMinutes ?? '—'} 分钟{l.overran ? '（超出预估较多）' : ''}
            </div>
          ))}
          <div className="item-meta">自主学习：{s.selfStudyContent ? `${s.selfStudyContent}，${s.selfStudyMinutes ?? 0} 分钟` : '—'}</div>
          {s.messages.length === 0 && (
            <div className="field" style={{ marginTop: 8 }}>
              <label htmlFor={replyId}>给家长的批语（可不填，只标记已阅）</label>
              <Input.TextArea id={replyId} rows={2} maxLength={1000} value={reply} onChange={(e) => setReply(e.target.value)} />
            </div>
          )}
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} />}
          <Space style={{ marginTop: 8 }} wrap>
            <Button type="primary" loading={busy} onClick={() => void read(false)}>{reply.trim() ? '已阅并写批语' : '标记已阅'}</Button>
            {s.locked && <Button loading={busy} onClick={() => void read(true)}>退回让学生修改</Button>}
          </Space>
        </div>
      )}
    </div>
  );
}

type Message = Sheet['messages'][number];

/** One parent's message with the head teacher's answer, or a form to answer it (answering again replaces the answer). */
function MessageItem({ message: m, index, onChanged }: { message: Message; index: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();

  async function answer() {
    setProblem(null);
    if (!text.trim()) return setProblem('请先写回复内容。');
    setBusy(true);
    try {
      const { recordSheetMessageAnswer } = await execute(MessageAnswerDocument, { input: { messageId: m.id, reply: text.trim() } });
      if (recordSheetMessageAnswer.userErrors.length) setProblem(recordSheetMessageAnswer.userErrors.map(userErrorText).join(' '));
      else {
        void message.success('已回复家长。');
        setText('');
        setEditing(false);
        onChanged();
      }
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li style={{ marginBottom: 6 }}>
      <div>家长留言（{m.author?.displayName ?? '家长'}，{formatMoment(m.createdAt)}）：{m.body}</div>
      {m.reply !== null && !editing && (
        <div className="item-meta">
          我的回复：{m.reply}{' '}
          <Button size="small" type="link" onClick={() => { setText(m.reply ?? ''); setEditing(true); }}>修改回复</Button>
        </div>
      )}
      {(m.reply === null || editing) && (
        <div style={{ marginTop: 4 }}>
          <div className="field">
            <label htmlFor={fieldId}>回复第 {index} 条留言</label>
            <Input.TextArea id={fieldId} rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 4 }} />}
          <Space style={{ marginTop: 4 }}>
            <Button size="small" type="primary" loading={busy} onClick={() => void answer()}>{editing ? '保存回复' : '回复'}</Button>
            {editing && <Button size="small" onClick={() => setEditing(false)}>取消</Button>}
          </Space>
        </div>
      )}
    </li>
  );
}
