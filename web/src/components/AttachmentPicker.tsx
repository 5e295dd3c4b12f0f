import { Alert, Button, Progress, Space, Typography } from 'antd';
import { AudioOutlined, CameraOutlined, CloseOutlined, PictureOutlined, ReloadOutlined, SoundOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { isHeic, uploadFile, UploadFailure } from '../app/upload';
import { USER_ERROR_MESSAGES, uploadErrorText } from '../messages';

/** Photos per hand-in: the service's default (`UPLOAD_MAX_PHOTOS`); the service checks it again. */
export const MAX_PHOTOS = 9;

type Kind = 'image' | 'audio';

interface Entry {
  key: string;
  file: File;
  kind: Kind;
  preview: string | null;
  share: number;
  state: 'uploading' | 'done' | 'failed';
  fileId?: string;
  problem?: string;
  /** A failure worth trying again (the network, the service busy), unlike a refusal of the file. */
  retryable?: boolean;
  abort: AbortController;
}

export interface AttachmentState {
  fileIds: string[];
  /** Files still on their way (the hand-in waits for them). */
  pending: number;
}

const RETRYABLE = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'UPLOAD_GONE', 'UPLOAD_FAILED', 'UPLOAD_OFFSET_MISMATCH']);

const kindOf = (f: File): Kind => (f.type.startsWith('audio/') || /\.(m4a|mp3|webm|aac|ogg)$/i.test(f.name) ? 'audio' : 'image');
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 104857.6) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Photos of the written work (the camera on a phone, or the gallery) or one reading recording
 * (a file, or recorded here), each uploaded at once in chunks with a progress bar, resumed
 * after a network cut, shown as a thumbnail and removable until the hand-in.
 */
export function AttachmentPicker({ onChange, disabled }: { onChange: (state: AttachmentState) => void; disabled?: boolean }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const audio = useRef<HTMLInputElement>(null);
  const live = useRef(entries);
  live.current = entries;

  useEffect(() => {
    onChange({
      fileIds: entries.filter((e) => e.state === 'done' && e.fileId).map((e) => e.fileId!),
      pending: entries.filter((e) => e.state === 'uploading').length,
    });
  }, [entries, onChange]);
  // Previews are let go and unfinished uploads abandoned when the form goes.
  useEffect(() => () => live.current.forEach((e) => {
    if (e.preview) URL.revokeObjectURL(e.preview);
    if (e.state === 'uploading') e.abort.abort();
  }), []);

  const patch = (key: string, change: Partial<Entry>) => setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...change } : e)));

  function start(entry: Entry) {
    void uploadFile(entry.file, entry.file.name, { signal: entry.abort.signal, onProgress: (share) => patch(entry.key, { share }) })
      .then((f) => patch(entry.key, { state: 'done', fileId: f.id, share: 1 }))
      .catch((e: unknown) => {
        if (entry.abort.signal.aborted) return;
        const code = e instanceof UploadFailure ? e.code : 'NETWORK';
        patch(entry.key, { state: 'failed', problem: e instanceof UploadFailure ? e.text : uploadErrorText(code, {}), retryable: RETRYABLE.has(code) });
      });
  }

  function add(files: File[]) {
    setProblem(null);
    if (!files.length) return;
    const kinds = new Set([...live.current.map((e) => e.kind), ...files.map(kindOf)]);
    const photos = live.current.filter((e) => e.kind === 'image').length + files.filter((f) => kindOf(f) === 'image').length;
    const recordings = live.current.filter((e) => e.kind === 'audio').length + files.filter((f) => kindOf(f) === 'audio').length;
    if (kinds.size > 1 || recordings > 1 || photos > MAX_PHOTOS) {
      return setProblem(USER_ERROR_MESSAGES.TOO_MANY_FILES({ max: MAX_PHOTOS, count: live.current.length + files.length }));
    }
    const heic = files.find(isHeic);
    if (heic) return setProblem(uploadErrorText('HEIC_NOT_SUPPORTED', {}));
    const added = files.map<Entry>((file) => ({
      key: crypto.randomUUID(), file, kind: kindOf(file), preview: kindOf(file) === 'image' ? URL.createObjectURL(file) : null,
      share: 0, state: 'uploading', abort: new AbortController(),
    }));
    setEntries((all) => [...all, ...added]);
    added.forEach(start);
  }

  function remove(entry: Entry) {
    if (entry.state === 'uploading') entry.abort.abort();
    if (entry.preview) URL.revokeObjectURL(entry.preview);
    setEntries((all) => all.filter((e) => e.key !== entry.key));
  }

  function retry(entry: Entry) {
    const again: Entry = { ...entry, state: 'uploading', share: 0, problem: undefined, abort: new AbortController() };
    setEntries((all) => all.map((e) => (e.key === entry.key ? again : e)));
    start(again);
  }

  const picked = (input: HTMLInputElement | null) => {
    if (!input) return;
    add([...(input.files ?? [])]);
    input.value = '';
  };
  const hasAudio = entries.some((e) => e.kind === 'audio');
  const photos = entries.filter((e) => e.kind === 'image').length;

  return (
    <div className="field" role="group" aria-label="照片或录音">
      <Typography.Text>照片或录音（可选）</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>写在本子上的作业拍照上传，最多 {MAX_PHOTOS} 张；朗读、背诵可以交一段录音。</Typography.Text>
      <Space wrap size={8}>
        <Button icon={<CameraOutlined />} disabled={disabled || hasAudio || photos >= MAX_PHOTOS} onClick={() => camera.current?.click()}>拍照</Button>
        <Button icon={<PictureOutlined />} disabled={disabled || hasAudio || photos >= MAX_PHOTOS} onClick={() => gallery.current?.click()}>从相册选择</Button>
        <Button icon={<SoundOutlined />} disabled={disabled || entries.length > 0} onClick={() => audio.current?.click()}>选择录音文件</Button>
        <Recorder disabled={disabled || entries.length > 0} onRecorded={(f) => add([f])} onProblem={setProblem} />
      </Space>
      <input ref={camera} type="file" accept="image/*" capture="environment" aria-label="拍照" hidden onChange={(e) => picked(e.currentTarget)} />
      <input ref={gallery} type="file" accept="image/*" multiple aria-label="从相册选择" hidden onChange={(e) => picked(e.currentTarget)} />
      <input ref={audio} type="file" accept="audio/*,.m4a,.mp3,.webm" aria-label="选择录音文件" hidden onChange={(e) => picked(e.currentTarget)} />
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {entries.length > 0 && (
        <ul className="attachment-list" aria-label="要交的照片和录音">
          {entries.map((e) => (
            <li key={e.key} className="attachment-item">
              {e.preview ? <img src={e.preview} alt={`照片：${e.file.name}`} className="attachment-thumb" /> : <span className="attachment-thumb attachment-audio" aria-hidden><SoundOutlined /></span>}
              <div className="attachment-body">
                <div className="attachment-name" title={e.file.name}>{e.file.name}</div>
                <div className="item-meta">
                  {sizeText(e.file.size)} · {e.state === 'done' ? '已上传' : e.state === 'failed' ? '上传失败' : '正在上传…'}
                </div>
                {e.state !== 'failed' && (
                  <Progress percent={Math.round(e.share * 100)} size="small" status={e.state === 'done' ? 'success' : 'active'}
                    aria-label={`${e.file.name} 上传进度`} />
                )}
                {e.kind === 'audio' && e.state === 'done' && <div className="item-meta">录音已上传，提交后老师可以播放。</div>}
                {e.problem && <div className="attachment-problem" role="alert">{e.problem}</div>}
              </div>
              <div className="attachment-actions">
                {e.state === 'failed' && e.retryable && (
                  <Button size="small" icon={<ReloadOutlined />} onClick={() => retry(e)} aria-label={`重试上传 ${e.file.name}`}>重试</Button>
                )}
                <Button size="small" icon={<CloseOutlined />} onClick={() => remove(e)} aria-label={`移除 ${e.file.name}`} disabled={disabled} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Records a reading in the browser (MediaRecorder: WebM on Chrome and Android, M4A on iPhone), when the device can. */
function Recorder({ disabled, onRecorded, onProblem }: { disabled?: boolean; onRecorded: (f: File) => void; onProblem: (text: string) => void }) {
  const [recording, setRecording] = useState<MediaRecorder | null>(null);
  const [seconds, setSeconds] = useState(0);
  const supported = typeof window !== 'undefined' && 'MediaRecorder' in window && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const handle = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => window.clearInterval(handle);
  }, [recording]);
  useEffect(() => () => recording?.stream.getTracks().forEach((t) => t.stop()), [recording]);

  if (!supported) return null;

  async function begin() {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const type = ['audio/webm', 'audio/mp4'].find((t) => MediaRecorder.isTypeSupported(t));
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const parts: Blob[] = [];
      recorder.ondataavailable = (e) => e.data.size && parts.push(e.data);
      recorder.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const mime = recorder.mimeType || type || 'audio/webm';
        const ext = mime.includes('mp4') ? 'm4a' : 'webm';
        onRecorded(new File(parts, `录音.${ext}`, { type: mime.split(';')[0] }));
      };
      recorder.start();
      setSeconds(0);
      setRecording(recorder);
    } catch {
      onProblem('无法使用麦克风：请在浏览器中允许本网站使用麦克风，或先用手机录好再“选择录音文件”。');
    }
  }

  return recording ? (
    <Button danger icon={<AudioOutlined />} onClick={() => { recording.stop(); setRecording(null); }}>
      停止录音（{Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')}）
    </Button>
  ) : (
    <Button icon={<AudioOutlined />} disabled={disabled} onClick={() => void begin()}>录音</Button>
  );
}
