import { Alert, App, Button, Card, Input, Popconfirm, Segmented, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { graphql } from '../../graphql';
import { execute, newClientKey, RequestError, useQuery } from '../../app/client';
import { useViewer } from '../../app/viewer';
import { DayPicker } from '../../components/DayPicker';
import { FileList } from '../../components/FileList';
import { EmptyNote, Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { TimeInput } from '../../components/TimeInput';
import { useDayParam, useSearchParam } from '../../components/useDayParam';
import { FLAG_NAMES, formatDay, formatMoment, submissionStateName } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const ChildDayDocument = graphql(`
  query ChildDay($date: LocalDate!, $studentId: ID!) {
    studentDay(date: $date, studentId: $studentId) {
      choice
      choices { key label }
      assignment { id title subject { name } }
      submission { status versions { versionNo } currentMark { mark comment faceToFace } }
    }
    recordSheet(date: $date, studentId: $studentId) {
      filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes readNote flags actualWrittenMinutes capMinutes
      messages { id body createdAt reply repliedAt }
      lines { predictedMinutes actualMinutes content assignment { id } }
      files { id kind name url thumbnailUrl }
    }
  }
`);

const MessageAddDocument = graphql(`
  mutation MessageAdd($input: RecordSheetMessageAddInput!) {
    recordSheetMessageAdd(input: $input) { message { id } userErrors { code figures { name value } } }
  }
`);

/** A day takes at most this many messages (the service's MESSAGES_PER_DAY; it refuses the next with the figures). */
const MESSAGES_PER_DAY = 10;

const ParentBedtimeDocument = graphql(`
  mutation ParentBedtime($date: LocalDate!, $studentId: ID!, $bedtime: Time!) {
    recordSheetParentBedtime(date: $date, studentId: $studentId, bedtime: $bedtime) { sheet { bedtime flags } userErrors { code figures { name value } } }
  }
`);

const ConsentDocument = graphql(`
  mutation GuardianConsent($studentId: ID!, $given: Boolean!) {
    guardianConsentSet(studentId: $studentId, given: $given) { student { id guardianConsentAt } userErrors { code figures { name value } } }
  }
`);

/**
 * A parent's view of their child's day (phone-first): each subject with the predicted and
 * actual minutes, the chosen level and the teacher's mark; the bedtime; the day's messages to the
 * head teacher, each with its answer, and a new one; and the consent to keep the child's data.
 * Parents never mark or check homework.
 */
export function ChildDay() {
  const { viewer, refresh } = useViewer();
  const { message } = App.useApp();
  const [day, setDay] = useDayParam();
  const [childParam, setChildParam] = useSearchParam('child');
  const child = viewer.children.find((c) => c.student.id === childParam) ?? viewer.children[0];
  const q = useQuery(ChildDayDocument, { date: day, studentId: child?.student.id ?? '' }, { skip: !child || !child.student.guardianConsentAt });
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per message being written: a resend after a lost answer adds it once.
  const [clientKey, setClientKey] = useState(newClientKey);
  const [bedtime, setBedtime] = useState('');
  const [savingBedtime, setSavingBedtime] = useState(false);
  const messageId = useId();
  const bedtimeId = useId();
  const sheet = q.data?.recordSheet;
  useEffect(() => setText(''), [day, child?.student.id]);
  useEffect(() => setBedtime(sheet?.bedtime ?? ''), [sheet?.bedtime, day, child?.student.id]);

  if (!child) return <EmptyNote>你的账号还没有关联孩子，请联系班主任。</EmptyNote>;
  const consented = !!child.student.guardianConsentAt;

  async function consent(given: boolean) {
    setProblem(null);
    try {
      const { guardianConsentSet } = await execute(ConsentDocument, { studentId: child!.student.id, given });
      if (guardianConsentSet.userErrors.length) setProblem(guardianConsentSet.userErrors.map(userErrorText).join(' '));
      else void message.success(given ? '已同意。' : '已撤回同意，孩子的新数据将不再保存。');
      await refresh();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    }
  }

  async function saveBedtime() {
    setProblem(null);
    if (!/^\d{2}:\d{2}$/.test(bedtime)) return setProblem('请先选择就寝时间（时:分）。');
    setSavingBedtime(true);
    try {
      const { recordSheetParentBedtime } = await execute(ParentBedtimeDocument, { date: day, studentId: child!.student.id, bedtime });
      if (recordSheetParentBedtime.userErrors.length) setProblem(recordSheetParentBedtime.userErrors.map(userErrorText).join(' '));
      else {
        void message.success('就寝时间已记录。');
        await q.refetch();
      }
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setSavingBedtime(false);
    }
  }

  async function send() {
    setProblem(null);
    if (!text.trim()) return setProblem('请先写留言内容。');
    setBusy(true);
    try {
      const { recordSheetMessageAdd } = await execute(MessageAddDocument, { input: { date: day, studentId: child!.student.id, body: text.trim(), clientKey } });
      if (recordSheetMessageAdd.userErrors.length) setProblem(recordSheetMessageAdd.userErrors.map(userErrorText).join(' '));
      else {
        void message.success('留言已发送给班主任。');
        setText('');
        setClientKey(newClientKey());
        await q.refetch();
      }
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack" style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>{child.student.displayName}的一天</Typography.Title>
      <Typography.Text type="secondary">{child.student.class?.name} · {formatDay(day)}</Typography.Text>
      {viewer.children.length > 1 && (
        <Segmented aria-label="选择孩子" value={child.student.id} onChange={(v) => setChildParam(String(v))}
          options={viewer.children.map((c) => ({ value: c.student.id, label: c.student.displayName }))} />
      )}
      <DayPicker value={day} onChange={setDay} />
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {!consented && (
        <Alert type="warning" showIcon title="需要您的同意"
          description="孩子未满 14 岁。您同意后，学校才会保存孩子选择的层级、提交的作业和作业记录单；不同意则这些内容都不会保存。"
          action={<Button type="primary" onClick={() => void consent(true)}>同意保存</Button>} />
      )}
      {consented && (
        <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={6}
          empty={(d) => (d.studentDay.length ? null : <EmptyNote>这一天没有布置作业。</EmptyNote>)}>
          {(d) => (
            <Card title="作业记录单" role="region" aria-label="作业记录单">
              {d.studentDay.map((e) => {
                const line = d.recordSheet.lines.find((l) => l.assignment.id === e.assignment.id);
                const mark = e.submission?.currentMark;
                return (
                  <div key={e.assignment.id} className="sheet-row">
                    <div className="item-title">{e.assignment.subject.name} · {e.assignment.title}</div>
                    <div className="item-meta">
                      选择：{e.choices.find((c) => c.key === e.choice)?.label ?? '还没选'} · 预估 {line?.predictedMinutes ?? '—'} 分钟 · 实际 {line?.actualMinutes ?? '—'} 分钟
                    </div>
                    <div className="item-meta">
                      {e.submission ? <Pill tone={e.submission.status === 'MARKED' ? 'green' : 'orange'}>{submissionStateName(e.submission.status, e.submission.versions.length)}</Pill> : <Pill>未提交</Pill>}
                      {mark && <>等级 <strong style={{ fontSize: 16 }}>{mark.mark}</strong>{mark.faceToFace ? '（面批）' : ''} · 老师评语：{mark.comment}</>}
                    </div>
                  </div>
                );
              })}
              {d.recordSheet.files.length > 0 && (
                <div className="sheet-row">
                  <div className="item-title">今天交的照片和录音</div>
                  <FileList files={d.recordSheet.files} label="今天交的照片和录音" />
                </div>
              )}
              <div className="sheet-row">
                <div>书面作业合计：<strong>{d.recordSheet.actualWrittenMinutes}</strong> 分钟（上限 {d.recordSheet.capMinutes} 分钟）</div>
                <div>自主学习：{d.recordSheet.selfStudyContent ? `${d.recordSheet.selfStudyContent}，${d.recordSheet.selfStudyMinutes ?? 0} 分钟` : '未填写'}</div>
                <div>就寝时间：<strong>{d.recordSheet.bedtime ?? '未填写'}</strong>（建议不晚于 {d.recordSheet.bedtimeTarget}）</div>
                {d.recordSheet.locked ? (
                  <div className="item-meta">班主任已阅读这份记录单，就寝时间已锁定；如需更正，请联系班主任退回。</div>
                ) : (
                  <div className="toolbar" style={{ marginTop: 6, alignItems: 'flex-end' }}>
                    <div className="field">
                      <label htmlFor={bedtimeId}>孩子的就寝时间</label>
                      <TimeInput id={bedtimeId} value={bedtime} onChange={setBedtime} />
                    </div>
                    <Button loading={savingBedtime} onClick={() => void saveBedtime()}>记录就寝时间</Button>
                  </div>
                )}
                {d.recordSheet.flags.length > 0 && <div style={{ marginTop: 6 }}>{d.recordSheet.flags.map((f) => <Pill key={f} tone="red">{FLAG_NAMES[f] ?? f}</Pill>)}</div>}
              </div>
            </Card>
          )}
        </Loadable>
      )}
      {consented && sheet && (
        <Card title="给班主任留言" role="region" aria-label="给班主任留言">
          {sheet.messages.length > 0 && (
            <ol className="message-thread" aria-label="当天的留言" style={{ paddingLeft: 20, marginTop: 0 }}>
              {sheet.messages.map((m) => (
                <li key={m.id} style={{ marginBottom: 8 }}>
                  <div><Typography.Text strong>我的留言</Typography.Text> <span className="item-meta">{formatMoment(m.createdAt)}</span>：{m.body}</div>
                  {m.reply !== null
                    ? <div><Typography.Text strong>班主任回复：</Typography.Text>{m.reply}</div>
                    : <Typography.Text type="secondary">班主任还没有回复。</Typography.Text>}
                </li>
              ))}
            </ol>
          )}
          {sheet.readNote && <div style={{ marginBottom: 8 }}><Typography.Text strong>班主任批语：</Typography.Text>{sheet.readNote}</div>}
          {sheet.messages.length >= MESSAGES_PER_DAY ? (
            <Typography.Paragraph type="secondary">当天已留言 {sheet.messages.length} 条，每天最多 {MESSAGES_PER_DAY} 条；请等班主任回复，或当面、电话与班主任沟通。</Typography.Paragraph>
          ) : (
            <>
              <div className="item-meta" style={{ marginBottom: 4 }}>当天已留言 {sheet.messages.length} / {MESSAGES_PER_DAY} 条，每条班主任会分别回复。</div>
              <div className="field">
                <label htmlFor={messageId}>{sheet.messages.length ? '再写一条留言' : '留言内容'}</label>
                <Input.TextArea id={messageId} rows={3} maxLength={1000} showCount value={text} onChange={(e) => setText(e.target.value)} placeholder="例如：孩子今天数学作业用时较长，请老师关注。" />
              </div>
              <Button type="primary" style={{ marginTop: 8 }} loading={busy} onClick={() => void send()}>发送留言</Button>
            </>
          )}
        </Card>
      )}
      <Card size="small" title="数据保存同意">
        {consented ? (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
            <span>您已于 {formatMoment(child.student.guardianConsentAt!)} 同意学校保存孩子的作业数据。</span>
            <Popconfirm title="撤回后，孩子将不能选择层级、提交作业或填写记录单，直到您再次同意。确定撤回吗？" okText="撤回" cancelText="取消" onConfirm={() => void consent(false)}>
              <Button danger>撤回同意</Button>
            </Popconfirm>
          </div>
        ) : (
          <span>尚未同意。</span>
        )}
      </Card>
    </div>
  );
}
