import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';

interface TimerState {
  startedAt: number | null;
  accumulatedMs: number;
}

const keyOf = (id: string) => `shuangjian.timer.${id}`;

function load(id: string): TimerState {
  try {
    const raw = localStorage.getItem(keyOf(id));
    if (raw) return JSON.parse(raw) as TimerState;
  } catch {
    // A damaged entry starts afresh.
  }
  return { startedAt: null, accumulatedMs: 0 };
}

/**
 * A start/pause timer for the actual minutes of one piece of homework. It survives a reload
 * (kept on the device per assignment); pausing fills the minutes field, which stays editable.
 */
export function MinutesTimer({ timerId, onMinutes }: { timerId: string; onMinutes: (minutes: number) => void }) {
  const [state, setState] = useState<TimerState>(() => load(timerId));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    localStorage.setItem(keyOf(timerId), JSON.stringify(state));
    if (state.startedAt === null) return;
    const handle = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(handle);
  }, [state, timerId]);

  const elapsed = state.accumulatedMs + (state.startedAt !== null ? now - state.startedAt : 0);
  const mm = String(Math.floor(elapsed / 60000)).padStart(2, '0');
  const ss = String(Math.floor((elapsed % 60000) / 1000)).padStart(2, '0');

  const start = () => { setNow(Date.now()); setState((s) => ({ ...s, startedAt: Date.now() })); };
  const pause = () => {
    const total = state.accumulatedMs + (state.startedAt !== null ? Date.now() - state.startedAt : 0);
    setState({ startedAt: null, accumulatedMs: total });
    onMinutes(Math.max(1, Math.ceil(total / 60000)));
  };
  const reset = () => setState({ startedAt: null, accumulatedMs: 0 });

  return (
    <Space wrap align="center">
      <span className="minutes" style={{ fontSize: 20, fontWeight: 600, minWidth: 64, display: 'inline-block' }} role="timer" aria-label="计时">{mm}:{ss}</span>
      {state.startedAt === null ? (
        <Button onClick={start}>{elapsed > 0 ? '继续计时' : '开始计时'}</Button>
      ) : (
        <Button type="primary" onClick={pause}>暂停并记录用时</Button>
      )}
      {elapsed > 0 && state.startedAt === null && <Button type="text" onClick={reset}>清零</Button>}
    </Space>
  );
}
