import { Alert, App, Card, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { FileList } from '../../components/FileList';
import { Pill } from '../../components/Pill';
import { FORM_NAMES, formatShortDay, submissionStateName, TIER_COLORS, TIER_NAMES } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';
import { HandInForm } from './HandInForm';

export const SubjectCardEntryFragment = graphql(`
  fragment SubjectCard_entry on StudentDayEntry {
    choice
    needsChoice
    choices { key label minMinutes maxMinutes totalMinutes writtenHomeMinutes optionKeys }
    assignment { id title shape day dueDay multiDay subject { name } }
    submission {
      id status late
      versions { versionNo actualMinutes files { id kind name url thumbnailUrl } }
      currentMark { mark comment faceToFace correctionRequested versionNo }
    }
  }
`);

const AssignmentContentDocument = graphql(`
  query AssignmentContent($id: ID!) {
    assignment(id: $id) {
      id
      options { key name items { atHome predictedMinutes content { title body form tier } } }
    }
  }
`);

const ChooseDocument = graphql(`
  mutation AssignmentChoose($input: AssignmentChooseInput!) {
    assignmentChoose(input: $input) { entry { choice } userErrors { code figures { name value } } }
  }
`);
const SubmitDocument = graphql(`
  mutation SubmissionCreate($input: SubmissionCreateInput!) {
    submissionCreate(input: $input) { submission { id status } userErrors { code figures { name value } } }
  }
`);
const CorrectDocument = graphql(`
  mutation SubmissionCorrect($input: SubmissionCorrectInput!) {
    submissionCorrect(input: $input) { submission { id status } userErrors { code figures { name value } } }
  }
`);

/**
 * One subject of the student's day: choose a level or package (changeable until handing in),
 * read the items of that choice, hand in with the answer and actual minutes, see the mark and
 * comment, and send the correction when the teacher asks for one.
 */
export function SubjectCard(props: { entry: FragmentType<typeof SubjectCardEntryFragment>; onChanged: () => Promise<void> }) {
  const entry = getFragmentData(SubjectCardEntryFragment, props.entry);
  const { message } = App.useApp();
  const content = useQuery(AssignmentContentDocument, { id: entry.assignment.id });
  const [problem, setProblem] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  // Shown at once while the service records the choice; the service's answer replaces it.
  const [pendingChoice, setPendingChoice] = useState<string | null>(null);
  const a = entry.assignment;
  const s = entry.submission;
  const choice = pendingChoice ?? entry.choice;
  const chosen = entry.choices.find((c) => c.key === choice);

  async function choose(key: string) {
    setProblem(null);
    setChoosing(true);
    setPendingChoice(key);
    try {
      const { assignmentChoose } = await execute(ChooseDocument, { input: { assignmentId: a.id, choice: key } });
      if (assignmentChoose.userErrors.length) setProblem(assignmentChoose.userErrors.map(userErrorText).join(' '));
      await props.onChanged();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setChoosing(false);
      setPendingChoice(null);
    }
  }

  const options = content.data?.assignment.options ?? [];
  const shown = chosen ? options.filter((o) => chosen.optionKeys.includes(o.key)) : options;

  return (
    <Card
      title={<span>{a.subject.name} · {a.title}</span>}
      extra={s ? <Pill tone={s.status === 'MARKED' ? 'green' : s.status === 'CORRECTION_REQUESTED' ? 'orange' : 'blue'}>{submissionStateName(s.status, s.versions.length)}</Pill> : entry.needsChoice ? <Pill tone="orange">请选择</Pill> : <Pill>未提交</Pill>}
      role="region"
      aria-label={`${a.subject.name}作业`}
    >
      <div className="stack" style={{ gap: 12 }}>
        {a.multiDay && (
          <Alert type="info" showIcon
            title={`跨多天的作业：${formatShortDay(a.day)} 至 ${formatShortDay(a.dueDay)}，${formatShortDay(a.dueDay)} 之后的第一个上学日上交。下面的时间是今天的分量。`} />
        )}
        <div>
          <Typography.Text strong id={`choice-${a.id}`}>{a.shape === 'THREE_PART' ? (a.multiDay ? '选择层级（整份作业）' : '选择今天的层级') : '选择套餐'}</Typography.Text>
          <Typography.Text type="secondary">{s ? '（已提交，不能再改）' : '（提交前可以更改）'}</Typography.Text>
          <Radio.Group
            aria-labelledby={`choice-${a.id}`}
            value={choice}
            aria-busy={choosing}
            disabled={!!s}
            onChange={(e) => void choose(e.target.value as string)}
            style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
          >
            {entry.choices.map((c) => (
              <Radio key={c.key} value={c.key} style={{ border: '1px solid #e5e8e7', borderRadius: 8, padding: '8px 10px', margin: 0 }}>
                <span style={{ fontWeight: 500 }}>{c.label}</span>
                <span className="item-meta minutes" style={{ display: 'block' }}>约 {c.totalMinutes} 分钟（{c.minMinutes}–{c.maxMinutes} 分钟），书面 {c.writtenHomeMinutes} 分钟</span>
              </Radio>
            ))}
          </Radio.Group>
        </div>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        <div>
          <Typography.Text strong>{chosen ? '我要完成的题目' : '全部题目（选择后只显示你要做的）'}</Typography.Text>
          {content.loading && !content.data && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
          {content.error && <Alert type="error" showIcon title={requestErrorText(content.error)} />}
          {shown.map((o) => (
            <div key={o.key} style={{ marginTop: 8 }}>
              <div style={{ fontWeight: 500 }}>{o.name}</div>
              {o.items.map((i, idx) => (
                <div key={idx} className="item-row" style={{ flexDirection: 'column' }}>
                  <div className="item-title">{i.content.title}</div>
                  <div className="item-meta">
                    <Pill tone={TIER_COLORS[i.content.tier]}>{TIER_NAMES[i.content.tier]}</Pill>
                    <Pill>{FORM_NAMES[i.content.form]}</Pill>
                    约 {i.predictedMinutes} 分钟{i.atHome ? '' : ' · 在校完成'}
                  </div>
                  <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{i.content.body}</div>
                </div>
              ))}
            </div>
          ))}
        </div>
        {s && s.versions[s.versions.length - 1].files.length > 0 && (
          <div>
            <Typography.Text type="secondary">{s.versions.length > 1 ? '订正时交的照片和录音' : '交的照片和录音'}</Typography.Text>
            <FileList files={s.versions[s.versions.length - 1].files} label="我交的照片和录音" />
          </div>
        )}
        {s?.currentMark && (
          <div style={{ background: '#f6faf8', borderRadius: 8, padding: 12 }} aria-label="老师的批改">
            <div><span className="mark-big">{s.currentMark.mark}</span>{s.currentMark.faceToFace && <Pill tone="blue">面批</Pill>}</div>
            <div>老师评语：{s.currentMark.comment}</div>
            {s.status === 'CORRECTION_REQUESTED' && <Alert type="warning" showIcon style={{ marginTop: 8 }} title="老师请你订正：改好后在下面提交订正，老师会复批。" />}
          </div>
        )}
        {!s && entry.choice && (
          <HandInForm
            timerId={a.id}
            answerLabel="我的答案"
            submitLabel="提交作业"
            send={async (v) => {
              const { submissionCreate } = await execute(SubmitDocument, { input: { assignmentId: a.id, choice: entry.choice!, ...v } });
              if (!submissionCreate.userErrors.length) {
                void message.success('已提交，等老师批改。');
                await props.onChanged();
              }
              return submissionCreate.userErrors;
            }}
          />
        )}
        {!s && !entry.choice && <Typography.Text type="secondary">先选择层级，再开始做作业。</Typography.Text>}
        {s?.status === 'CORRECTION_REQUESTED' && (
          <HandInForm
            timerId={`${a.id}.correction.${s.versions.length}`}
            answerLabel="订正内容"
            submitLabel="提交订正"
            send={async (v) => {
              const { submissionCorrect } = await execute(CorrectDocument, { input: { submissionId: s.id, ...v } });
              if (!submissionCorrect.userErrors.length) {
                void message.success('订正已提交，等老师复批。');
                await props.onChanged();
              }
              return submissionCorrect.userErrors;
            }}
          />
        )}
        {s && s.status === 'AWAITING_MARK' && <Typography.Text type="secondary">{s.versions.length > 1 ? '订正已提交' : '已提交'}（用时 {s.versions[s.versions.length - 1].actualMinutes} 分钟），等老师批改。</Typography.Text>}
      </div>
    </Card>
  );
}
