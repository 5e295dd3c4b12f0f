import { Alert, App, Button, Card, Input, InputNumber, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { graphql } from '../../graphql';
import { execute, RequestError, useQuery } from '../../app/client';
import { FileList } from '../../components/FileList';
import { Loadable } from '../../components/PageState';
import { Pill } from '../../components/Pill';
import { TimeInput } from '../../components/TimeInput';
import { FLAG_NAMES } from '../../format';
import { requestErrorText, userErrorText } from '../../messages';

const MySheetDocument = graphql(`
  query MyRecordSheet($date: LocalDate!) {
    recordSheet(date: $date) {
      revision filled locked bedtime bedtimeTarget selfStudyContent selfStudyMinutes parentMessage reply flags
      actualWrittenMinutes capMinutes
      lines { actualMinutes predictedMinutes prefilled assignment { id subject { name } } }
      files { id kind name url thumbnailUrl }
    }
  }
`);

const FillDocument = graphql(`
  mutation RecordSheetFill($input: RecordSheetFillInput!) {
    recordSheetFill(input: $input) { sheet { revision } userErrors { code figures { name value } } }
  }
`);

/**
 * 作业记录单, the student's part: actual minutes per subject (prefilled from the hand-ins),
 * self-arranged study and bedtime; locked once the head teacher has read it.
 */
export function RecordSheetForm({ date, version }: { date: string; version: number }) {
  const { message } = App.useApp();
  const q = useQuery(MySheetDocument, { date });
  const [minutes, setMinutes] = useState<Record<string, number | null>>({});
  const [selfStudy, setSelfStudy] = useState('');
  const [selfMinutes, setSelfMinutes] = useState<number | null>(null);
  const [bedtime, setBedtime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { self: useId(), selfMin: useId(), bed: useId() };
  const { refetch } = q;

  useEffect(() => { if (version > 0) void refetch(); }, [version, refetch]);
  const sheet = q.data?.recordSheet;
  // The form takes the service's figures until the student starts typing; a refetch after a
  // hand-in never overwrites what they are entering.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!sheet || dirty) return;
    setMinutes(Object.fromEntries(sheet.lines.map((l) => [l.assignment.id, l.actualMinutes ?? null])));
    setSelfStudy(sheet.selfStudyContent ?? '');
    setSelfMinutes(sheet.selfStudyMinutes ?? null);
    setBedtime(sheet.bedtime ?? '');
  }, [sheet, dirty]);

  async function save() {
    if (!sheet) return;
    setProblem(null);
    setBusy(true);
    try {
      const entries = Object.entries(minutes).filter(([, m]) => m !== null).map(([assignmentId, m]) => ({ assignmentId, actualMinutes: m! }));
      const { recordSheetFill } = await execute(FillDocument, {
        input: {
          date, entries, expectedRevision: sheet.filled ? sheet.revision : undefined,
          selfStudyContent: selfStudy.trim() || undefined, selfStudyMinutes: selfMinutes ?? undefined, bedtime: bedtime || undefined,
        },
      });
      if (recordSheetFill.userErrors.length) setProblem(recordSheetFill.userErrors.map(userErrorText).join(' '));
      else {
        void message.success('记录单已保存。');
        setDirty(false);
      }
      await refetch();
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="作业记录单" role="region" aria-label="作业记录单">
      <Loadable data={q.data} error={q.error} retry={() => void q.refetch()}>
        {({ recordSheet: s }) => (
          <div className="stack" style={{ gap: 12 }}>
            {s.locked && <Alert type="info" showIcon title="班主任已阅，记录单已锁定。" />}
            {s.lines.map((l) => (
              <div key={l.assignment.id} className="field">
                <label htmlFor={`sheet-${l.assignment.id}`}>{l.assignment.subject.name}实际用时（分钟，预估 {l.predictedMinutes ?? '—'}）</label>
                <InputNumber id={`sheet-${l.assignment.id}`} min={0} max={600} precision={0} disabled={s.locked} value={minutes[l.assignment.id] ?? null}
                  onChange={(v) => { setDirty(true); setMinutes((m) => ({ ...m, [l.assignment.id]: v })); }} style={{ width: 140 }} />
              </div>
            ))}
            <div className="field">
              <label htmlFor={ids.self}>自主学习内容</label>
              <Input id={ids.self} value={selfStudy} maxLength={500} disabled={s.locked} onChange={(e) => { setDirty(true); setSelfStudy(e.target.value); }} placeholder="例如：阅读《草房子》" />
            </div>
            <div className="field">
              <label htmlFor={ids.selfMin}>自主学习时长（分钟）</label>
              <InputNumber id={ids.selfMin} min={0} max={600} precision={0} disabled={s.locked} value={selfMinutes} onChange={(v) => { setDirty(true); setSelfMinutes(v); }} style={{ width: 140 }} />
            </div>
            <div className="field">
              <label htmlFor={ids.bed}>就寝时间（建议不晚于 {s.bedtimeTarget}）</label>
              <TimeInput id={ids.bed} value={bedtime} disabled={s.locked} onChange={(v) => { setDirty(true); setBedtime(v); }} />
            </div>
            {s.files.length > 0 && (
              <div>
                <Typography.Text strong>今天交的照片和录音</Typography.Text>
                <FileList files={s.files} label="今天交的照片和录音" />
              </div>
            )}
            {s.flags.length > 0 && <div>{s.flags.map((f) => <Pill key={f} tone="red">{FLAG_NAMES[f] ?? f}</Pill>)}</div>}
            {s.parentMessage && <div><Typography.Text strong>家长留言：</Typography.Text>{s.parentMessage}</div>}
            {s.reply && <div><Typography.Text strong>班主任回复：</Typography.Text>{s.reply}</div>}
            {problem && <Alert type="error" showIcon role="alert" title={problem} />}
            {!s.locked && <div><Button type="primary" loading={busy} onClick={() => void save()}>保存记录单</Button></div>}
          </div>
        )}
      </Loadable>
    </Card>
  );
}
