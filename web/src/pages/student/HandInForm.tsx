import { Alert, Button, Input, InputNumber } from 'antd';
import { useCallback, useId, useState } from 'react';
import type { UserErrorCode } from '../../graphql/graphql';
import { newClientKey, RequestError } from '../../app/client';
import { AttachmentPicker, type AttachmentState } from '../../components/AttachmentPicker';
import { MinutesTimer } from '../../components/MinutesTimer';
import { requestErrorText, userErrorText } from '../../messages';

type Refusal = { code: UserErrorCode; figures: { name: string; value: number }[] };

/**
 * The answer, photos or a recording, and the actual minutes, for a hand-in or a correction. The client key is made
 * once per form, so pressing again after a lost answer never hands in twice.
 */
export function HandInForm(props: {
  timerId: string;
  submitLabel: string;
  answerLabel: string;
  send: (values: { answer: string; actualMinutes: number; clientKey: string; fileIds: string[] }) => Promise<Refusal[]>;
}) {
  const [answer, setAnswer] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [clientKey] = useState(newClientKey);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<AttachmentState>({ fileIds: [], pending: 0 });
  const onFiles = useCallback((state: AttachmentState) => setFiles(state), []);
  const answerId = useId();
  const minutesId = useId();

  async function submit() {
    setProblem(null);
    if (minutes === null || minutes < 0 || minutes > 600) return setProblem('请填写实际用时（0–600 分钟），可以用计时器，也可以直接填写。');
    if (files.pending > 0) return setProblem('照片或录音还在上传，请等上传完成再提交。');
    setBusy(true);
    try {
      const refusals = await props.send({ answer: answer.trim(), actualMinutes: minutes, clientKey, fileIds: files.fileIds });
      if (refusals.length) setProblem(refusals.map(userErrorText).join(' '));
      else localStorage.removeItem(`shuangjian.timer.${props.timerId}`);
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack" style={{ gap: 10 }}>
      <div className="field">
        <label htmlFor={answerId}>{props.answerLabel}</label>
        <Input.TextArea id={answerId} rows={4} maxLength={10000} value={answer} onChange={(e) => setAnswer(e.target.value)}
          placeholder="写在本子上的作业可以不填，交给老师即可" />
      </div>
      <AttachmentPicker onChange={onFiles} disabled={busy} />
      <MinutesTimer timerId={props.timerId} onMinutes={setMinutes} />
      <div className="field">
        <label htmlFor={minutesId}>实际用时（分钟）</label>
        <InputNumber id={minutesId} min={0} max={600} precision={0} value={minutes} onChange={(v) => setMinutes(v)} style={{ width: 140 }} inputMode="numeric" />
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <div><Button type="primary" size="large" loading={busy} onClick={() => void submit()}>{props.submitLabel}</Button></div>
    </div>
  );
}
