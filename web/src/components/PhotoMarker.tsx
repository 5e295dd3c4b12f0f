import { Alert, App, Button, Space, Tooltip } from 'antd';
import {
  EditOutlined, RotateLeftOutlined, RotateRightOutlined, UndoOutlined, ZoomInOutlined, ZoomOutOutlined, DeleteOutlined, SaveOutlined,
} from '@ant-design/icons';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { graphql } from '../graphql';
import { execute, RequestError } from '../app/client';
import { requestErrorText, userErrorText } from '../messages';

export interface Stroke {
  color: string;
  width: number;
  points: number[];
}

/** A handed-in photo with the teacher's pen layer, as the marking page reads it. */
export interface MarkablePhoto {
  id: string;
  name: string;
  url: string;
  thumbnailUrl?: string | null;
  width?: number | null;
  height?: number | null;
  penLayer?: { revision: number; strokes: Stroke[] } | null;
}

const FileAnnotateDocument = graphql(`
  mutation FileAnnotate($input: FileAnnotateInput!) {
    fileAnnotate(input: $input) {
      file { id penLayer { revision strokes { color width points } } }
      userErrors { code figures { name value } }
    }
  }
`);

const PEN = '#e53935';
const ZOOMS = [1, 1.5, 2, 3];
const MAX_POINTS = 2000;
const MAX_STROKES = 500;

/**
 * The photos of a hand-in for marking: pick one, zoom, turn it, and draw on it with a red pen.
 * The strokes are a vector layer kept by the service beside the photo (in the photo's own
 * pixels, whatever the zoom and turn), never drawn into the photo itself; they come back when
 * the submission is opened again.
 */
export function PhotoMarker({ photos, onExpired }: { photos: MarkablePhoto[]; onExpired?: () => void }) {
  const [index, setIndex] = useState(0);
  const photo = photos[Math.min(index, photos.length - 1)];
  if (!photo) return null;
  return (
    <div className="stack" style={{ gap: 8 }}>
      {photos.length > 1 && (
        <div className="file-list" role="group" aria-label="选择照片">
          {photos.map((p, i) => (
            <button key={p.id} type="button" className="photo-pick" aria-pressed={i === index} onClick={() => setIndex(i)} aria-label={`第 ${i + 1} 张照片`}>
              <img src={p.thumbnailUrl ?? p.url} alt="" className="attachment-thumb" />
            </button>
          ))}
        </div>
      )}
      <PhotoCanvas key={photo.id} photo={photo} position={photos.length > 1 ? `第 ${index + 1} 张，共 ${photos.length} 张` : ''} onExpired={onExpired} />
    </div>
  );
}

function PhotoCanvas({ photo, position, onExpired }: { photo: MarkablePhoto; position: string; onExpired?: () => void }) {
  const { message } = App.useApp();
  const W = photo.width ?? 1000;
  const H = photo.height ?? 750;
  const [zoom, setZoom] = useState(0);
  const [turn, setTurn] = useState(0);
  const [pen, setPen] = useState(false);
  const [saved, setSaved] = useState<{ revision: number | null; strokes: Stroke[] }>({ revision: photo.penLayer?.revision ?? null, strokes: photo.penLayer?.strokes ?? [] });
  const [strokes, setStrokes] = useState<Stroke[]>(saved.strokes);
  const [drawing, setDrawing] = useState<Stroke | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const layer = useRef<SVGGElement>(null);
  const renewed = useRef(false);
  const dirty = JSON.stringify(strokes) !== JSON.stringify(saved.strokes);
  const penWidth = Math.min(50, Math.max(2, Math.round(Math.max(W, H) / 250)));

  // A newer layer from the service (the page was refreshed) replaces the one shown, unless strokes are being added.
  useEffect(() => {
    if (dirty) return;
    const next = { revision: photo.penLayer?.revision ?? null, strokes: photo.penLayer?.strokes ?? [] };
    setSaved(next);
    setStrokes(next.strokes);
  }, [photo.penLayer?.revision]);

  const quarter = ((turn % 4) + 4) % 4;
  const sideways = quarter % 2 === 1;
  const transform = ['', `translate(${H} 0) rotate(90)`, `translate(${W} ${H}) rotate(180)`, `translate(0 ${W}) rotate(270)`][quarter];

  function at(e: ReactPointerEvent): [number, number] | null {
    const ctm = layer.current?.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return [Math.round(Math.min(W, Math.max(0, p.x)) * 10) / 10, Math.round(Math.min(H, Math.max(0, p.y)) * 10) / 10];
  }

  function down(e: ReactPointerEvent<SVGSVGElement>) {
    if (!pen || strokes.length >= MAX_STROKES) return;
    const p = at(e);
    if (!p) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrawing({ color: PEN, width: penWidth, points: p });
  }

  function move(e: ReactPointerEvent<SVGSVGElement>) {
    if (!drawing) return;
    const p = at(e);
    if (!p) return;
    const n = drawing.points.length;
    const [lx, ly] = [drawing.points[n - 2], drawing.points[n - 1]];
    if (Math.hypot(p[0] - lx, p[1] - ly) < penWidth / 3) return;
    if (n / 2 >= MAX_POINTS) return up();
    setDrawing({ ...drawing, points: [...drawing.points, ...p] });
  }

  function up() {
    if (!drawing) return;
    // A tap is a dot: a stroke needs two points.
    const points = drawing.points.length >= 4 ? drawing.points : [...drawing.points, drawing.points[0] + 0.5, drawing.points[1] + 0.5];
    setStrokes((all) => [...all, { ...drawing, points }]);
    setDrawing(null);
  }

  async function save() {
    setProblem(null);
    setBusy(true);
    try {
      const { fileAnnotate } = await execute(FileAnnotateDocument, {
        input: { fileId: photo.id, expectedRevision: saved.revision ?? undefined, strokes },
      });
      if (fileAnnotate.userErrors.length) return setProblem(fileAnnotate.userErrors.map(userErrorText).join(' '));
      const layerNow = fileAnnotate.file?.penLayer;
      const next = { revision: layerNow?.revision ?? null, strokes: layerNow?.strokes ?? [] };
      setSaved(next);
      setStrokes(next.strokes);
      void message.success('批注已保存，学生和家长看到的原照片不变。');
    } catch (e) {
      setProblem(requestErrorText(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e))));
    } finally {
      setBusy(false);
    }
  }

  const line = (s: Stroke, key: number | string) => {
    const pts: string[] = [];
    for (let i = 0; i + 1 < s.points.length; i += 2) pts.push(`${s.points[i]},${s.points[i + 1]}`);
    return <polyline key={key} points={pts.join(' ')} fill="none" stroke={s.color} strokeWidth={s.width} strokeLinecap="round" strokeLinejoin="round" />;
  };

  return (
    <div className="stack" style={{ gap: 8 }}>
      <Space wrap size={6} role="toolbar" aria-label="照片工具">
        <Tooltip title="放大"><Button icon={<ZoomInOutlined />} aria-label="放大" disabled={zoom >= ZOOMS.length - 1} onClick={() => setZoom(zoom + 1)} /></Tooltip>
        <Tooltip title="缩小"><Button icon={<ZoomOutOutlined />} aria-label="缩小" disabled={zoom === 0} onClick={() => setZoom(zoom - 1)} /></Tooltip>
        <Tooltip title="向左旋转"><Button icon={<RotateLeftOutlined />} aria-label="向左旋转" onClick={() => setTurn(turn - 1)} /></Tooltip>
        <Tooltip title="向右旋转"><Button icon={<RotateRightOutlined />} aria-label="向右旋转" onClick={() => setTurn(turn + 1)} /></Tooltip>
        <Button icon={<EditOutlined />} type={pen ? 'primary' : 'default'} aria-pressed={pen} onClick={() => setPen(!pen)}>{pen ? '画笔（开）' : '画笔'}</Button>
        <Tooltip title="撤销上一笔"><Button icon={<UndoOutlined />} aria-label="撤销上一笔" disabled={!strokes.length} onClick={() => setStrokes(strokes.slice(0, -1))} /></Tooltip>
        <Tooltip title="清除全部批注"><Button icon={<DeleteOutlined />} aria-label="清除全部批注" disabled={!strokes.length} onClick={() => setStrokes([])} /></Tooltip>
        <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={busy} onClick={() => void save()}>保存批注</Button>
      </Space>
      <div className="item-meta" aria-live="polite" data-testid="pen-status">
        {position && `${position} · `}{ZOOMS[zoom] * 100}%{quarter ? ` · 已旋转 ${quarter * 90}°` : ''} · {dirty ? `${strokes.length} 笔批注，未保存` : strokes.length ? `已保存 ${strokes.length} 笔批注` : '还没有批注'}
        {pen && '（在照片上按住拖动来画）'}
      </div>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <div className="photo-stage">
        <svg
          role="img"
          aria-label={`照片：${photo.name}，${strokes.length} 笔批注`}
          viewBox={sideways ? `0 0 ${H} ${W}` : `0 0 ${W} ${H}`}
          style={{ width: `${ZOOMS[zoom] * 100}%`, cursor: pen ? 'crosshair' : 'default', touchAction: pen ? 'none' : 'auto' }}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        >
          <g ref={layer} transform={transform || undefined}>
            <image href={photo.url} width={W} height={H} onError={() => {
              // The signed link has expired (10 minutes): ask the page once for new links.
              if (!renewed.current) onExpired?.();
              renewed.current = true;
            }} />
            {strokes.map(line)}
            {drawing && line(drawing, 'drawing')}
          </g>
        </svg>
      </div>
    </div>
  );
}
