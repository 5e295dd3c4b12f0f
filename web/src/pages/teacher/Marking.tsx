import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { graphql } from '../../graphql';
import type { UserErrorCode } from '../../graphql/graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { useViewer } from '../../app/viewer';
import { EmptyNote, Loadable } from '../../components/PageState';
import { FileList } from '../../components/FileList';
import { MarkGrid, QUALITIES } from '../../components/MarkGrid';
import { PhotoMarker } from '../../components/PhotoMarker';
import { Pill } from '../../components/Pill';
import { formatMoment, formatShortDay } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const MarkingQueueDocument = graphql(`
  query MarkingQueuePage($first: Int!, $classId: ID) {
    markingQueue(first: $first, classId: $classId) {
      edges {
        node {
          dueAt
          overdue
          submission {
            id status late choice
            student { id displayName studentNo }
            assignment { id title day subject { name } class { name } }
            versions { versionNo }
          }
        }
      }
      pageInfo { hasNextPage }
    }
  }
`);

const MarkingSubmissionDocument = graphql(`
  query MarkingSubmission($id: ID!) {
    submission(id: $id) {
      id revision status choice late
      student { displayName studentNo }
      assignment {
        id title shape day
        subject { name }
        class { name }
        choices { key label optionKeys }
        options { key name items { predictedMinutes content { title body } } }
      }
      versions {
        versionNo answer actualMinutes submittedAt attachments { name }
        files { id kind name url thumbnailUrl width height penLayer { revision strokes { color width points } } }
      }
      marks { versionNo mark comment faceToFace correctionRequested markedAt markedBy { displayName } }
    }
  }
`);

const SubmissionMarkDocument = graphql(`
  mutation SubmissionMark($input: SubmissionMarkInput!) {
    submissionMark(input: $input) { submission { id status } userErrors { code figures { name value } } }
  }
`);

const QUICK_COMMENTS = ['书写工整，思路清晰，继续保持！', '方法正确，计算再仔细些。', '有进步！注意审题，把错题订正后再交给老师。'];

/**
 * The marking desk: the queue (overdue first, then by deadline) and one submission at a time —
 * its level, the grid of marks that level allows, comment, face-to-face, correction request.
 * Keys: 1 / 2 / 3 pick +, plain, − of the level; Ctrl+Enter marks.
 */
export function Marking() {
  const { viewer } = useViewer();
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of viewer.teachingAssignments) seen.set(t.class.id, t.class.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [viewer.teachingAssignments]);
  const [classFilter, setClassFilter] = useState<string>('');
  const classFilterId = useId();
  // The service orders the queue by marking deadline: overdue work first.
  const queue = useQuery(MarkingQueueDocument, { first: 100, classId: classFilter || null });
  const [selected, setSelected] = useState<string | null>(null);
  const entries = useMemo(() => queue.data?.markingQueue.edges.map((e) => e.node) ?? [], [queue.data]);
  const current = selected && entries.some((e) => e.submission.id === selected) ? selected : entries[0]?.submission.id ?? null;

  // New hand-ins and corrections arrive while the teacher works: look again every minute and on return to the tab.
  const { refetch } = queue;
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && void refetch();
    const handle = window.setInterval(again, 60_000);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.clearInterval(handle);
      document.removeEventListener('visibilitychange', again);
    };
  }, [refetch]);

  function next() {
    const index = entries.findIndex((e) => e.submission.id === current);
    setSelected(entries[index + 1]?.submission.id ?? null);
    void queue.refetch();
  }

  return (
    <div className="stack">
      <Typography.Title level={2} className="page-title">批改</Typography.Title>
      {classes.length > 1 && (
        <div className="field" style={{ maxWidth: 260 }}>
          <label htmlFor={classFilterId}>班级</label>
          <Select id={classFilterId} value={classFilter} onChange={(v) => { setClassFilter(v); setSelected(null); }}
            options={[{ value: '', label: '全部班级' }, ...classes]} />
        </div>
      )}
      <div className="two-columns marking-columns">
        <Card title={`待批改${queue.data ? `（${entries.length}${queue.data.markingQueue.pageInfo.hasNextPage ? '+' : ''}）` : ''}`}
          extra={<Button size="small" icon={<ReloadOutlined />} loading={queue.loading} onClick={() => void refetch()}>刷新</Button>}>
          <Loadable data={queue.data} error={queue.error} retry={() => void queue.refetch()}
            empty={() => (entries.length ? null : <EmptyNote>全部批改完了。学生提交或订正后会出现在这里。</EmptyNote>)}>
            {() => (
              <nav aria-label="待批改的作业" className="queue-list">
                {entries.map((e) => {
                  const s = e.submission;
                  const isCorrection = s.versions.length > 1;
                  return (
                    <button key={s.id} type="button" className="queue-item" aria-current={s.id === current} onClick={() => setSelected(s.id)}>
                      <div style={{ fontWeight: 500 }}>{s.student.displayName} · {s.assignment.subject.name} · {s.assignment.title}</div>
                      <div className="item-meta">
                        {s.assignment.class.name} · {formatShortDay(s.assignment.day)} · {formatMoment(e.dueAt)} 前批改
                      </div>
                      <div style={{ marginTop: 4 }}>
                        {e.overdue && <Pill tone="red">已超期</Pill>}
                        {isCorrection && <Pill tone="orange">订正稿·复批</Pill>}
                        {s.late && <Pill>迟交</Pill>}
                      </div>
                    </button>
                  );
                })}
              </nav>
            )}
          </Loadable>
        </Card>
        <div>{current ? <MarkPanel key={current} submissionId={current} onDone={next} /> : <Card><EmptyNote>选择左侧的一份作业开始批改。</EmptyNote></Card>}</div>
      </div>
    </div>
  );
}

function MarkPanel({ submissionId, onDone }: { submissionId: string; onDone: () => void }) {
  const { message } = App.useApp();
  const q = useQuery(MarkingSubmissionDocument, { id: submissionId });
  const [mark, setMark] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [faceToFace, setFaceToFace] = useState(false);
  const [requestCorrection, setRequestCorrection] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = useId();
  const panel = useRef<HTMLDivElement>(null);

  const s = q.data?.submission;
  const level = s ? (s.assignment.shape === 'THREE_PART' ? s.choice.charAt(0) : s.choice) : '';
  const levels = s ? (s.assignment.shape === 'THREE_PART' ? ['A', 'B', 'C'] : s.assignment.choices.map((c) => c.key)) : [];

  async function submit() {
    if (!s) return;
    setProblem(null);
    if (!mark) return setProblem('请先选择等级。');
    if (comment.trim().length < 5) return setProblem('评语至少 5 个字，写一句有指导性、鼓励性的话。');
    setBusy(true);
    try {
      const { submissionMark } = await execute(SubmissionMarkDocument, {
        input: { submissionId: s.id, expectedRevision: s.revision, mark, comment: comment.trim(), faceToFace, requestCorrection },
      });
      if (submissionMark.userErrors.length) {
        setProblem(submissionMark.userErrors.map((e: { code: UserErrorCode; figures: { name: string; value: number }[] }) => userErrorText(e)).join(' '));
        return;
      }
      void message.success(requestCorrection ? `已评 ${mark}，并请学生订正。` : `已评 ${mark}。`);
      onDone();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  // Keyboard shortcuts while this submission is open.
  const submitRef = useRef(submit);
  submitRef.current = submit;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submitRef.current();
      } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && ['1', '2', '3'].includes(e.key) && level) {
        setMark(level + QUALITIES[Number(e.key) - 1].suffix);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [level]);

  return (
    <Card>
      <Loadable data={q.data} error={q.error} retry={() => void q.refetch()} rows={10}>
        {({ submission: s }) => {
          const choice = s.assignment.choices.find((c) => c.key === s.choice);
          const items = s.assignment.options.filter((o) => choice?.optionKeys.includes(o.key));
          const latest = s.versions[s.versions.length - 1];
          return (
            <div ref={panel} className="stack" aria-label={`批改 ${s.student.displayName} 的作业`} role="region">
              <div>
                <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{s.student.displayName}（{s.student.studentNo}）</Typography.Title>
                <Typography.Text type="secondary">{s.assignment.class.name} · {s.assignment.subject.name} · {formatShortDay(s.assignment.day)} · {s.assignment.title}</Typography.Text>
              </div>
              <div>
                <Pill tone="blue">选择：{choice?.label ?? s.choice}</Pill>
                {s.late && <Pill>迟交</Pill>}
                {s.versions.length > 1 && <Pill tone="orange">第 {latest.versionNo} 版（订正稿），请复批</Pill>}
              </div>
              <div>
                <Typography.Text strong>题目</Typography.Text>
                {items.map((o) => (
                  <div key={o.key} className="item-meta">{o.name}：{o.items.map((i) => i.content.title).join('、')}</div>
                ))}
              </div>
              {s.versions.map((v) => (
                <div key={v.versionNo}>
                  <Typography.Text strong>{v.versionNo === 1 ? '原稿' : `订正稿（第 ${v.versionNo} 版）`}</Typography.Text>
                  <Typography.Text type="secondary"> · {formatMoment(v.submittedAt)} 提交 · 用时 {v.actualMinutes} 分钟</Typography.Text>
                  <div className="answer-text">{v.answer || '（纸质作业，未填写文字）'}</div>
                  {v.attachments.length > 0 && v.files.length === 0 && <div className="item-meta">附件：{v.attachments.map((a) => a.name).join('、')}</div>}
                  {v.files.some((f) => f.kind === 'IMAGE') && (
                    <div role="region" aria-label={`${v.versionNo === 1 ? '原稿' : `订正稿（第 ${v.versionNo} 版）`}的照片`}>
                      <PhotoMarker photos={v.files.filter((f) => f.kind === 'IMAGE')} onExpired={() => void q.refetch()} />
                    </div>
                  )}
                  <FileList files={v.files.filter((f) => f.kind !== 'IMAGE')} label="录音和文件" />
                  {s.marks.filter((m) => m.versionNo === v.versionNo).map((m, i) => (
                    <div key={i} className="item-meta">
                      {m.markedBy.displayName} 评 <strong>{m.mark}</strong>：{m.comment}{m.faceToFace ? '（面批）' : ''}{m.correctionRequested ? '（已请订正）' : ''}
                    </div>
                  ))}
                </div>
              ))}
              <div>
                <Typography.Text strong id={`${commentId}-grid`}>等级（{level} 层只能评 {level}+、{level}、{level}−）</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <MarkGrid levels={levels} allowed={level} value={mark} onChange={setMark} />
                </div>
                <div className="item-meta" style={{ marginTop: 6 }}>快捷键：1 = {level}+，2 = {level}，3 = {level}−，Ctrl+Enter 提交</div>
              </div>
              <div className="field">
                <label htmlFor={commentId}>评语</label>
                <Input.TextArea id={commentId} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={1000} showCount placeholder="写一句有指导性、鼓励性的话（至少 5 个字）" />
                <Space wrap size={6} style={{ marginTop: 24 }}>
                  {QUICK_COMMENTS.map((c) => <Button key={c} size="small" onClick={() => setComment(c)}>{c.slice(0, 8)}…</Button>)}
                </Space>
              </div>
              <Space wrap>
                <Checkbox checked={faceToFace} onChange={(e) => setFaceToFace(e.target.checked)}>面批（当面批改）</Checkbox>
                <Checkbox checked={requestCorrection} onChange={(e) => setRequestCorrection(e.target.checked)}>请学生订正（订正后复批）</Checkbox>
              </Space>
              {problem && <Alert type="error" showIcon role="alert" title={problem} />}
              <div>
                <Button type="primary" loading={busy} onClick={() => void submit()} disabled={s.status !== 'AWAITING_MARK'}>提交批改</Button>
              </div>
            </div>
          );
        }}
      </Loadable>
    </Card>
  );
}
