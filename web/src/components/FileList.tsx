import { FilePdfOutlined } from '@ant-design/icons';

/** The fields FileList shows of an UploadedFile (its links are signed for the viewer, good for 10 minutes). */
export interface ShownFile {
  id: string;
  kind: 'IMAGE' | 'AUDIO' | 'PDF';
  name: string;
  url: string;
  thumbnailUrl?: string | null;
}

/**
 * Handed-in photos as thumbnails that open the photo, recordings with a player, PDFs as links.
 * The links expire after 10 minutes: reloading the page makes new ones.
 */
export function FileList({ files, label }: { files: ShownFile[]; label: string }) {
  if (!files.length) return null;
  return (
    <ul className="file-list" aria-label={label}>
      {files.map((f) => (
        <li key={f.id}>
          {f.kind === 'IMAGE' && (
            <a href={f.url} target="_blank" rel="noreferrer" title={`查看照片：${f.name}`}>
              <img src={f.thumbnailUrl ?? f.url} alt={`照片：${f.name}`} className="attachment-thumb" loading="lazy" />
            </a>
          )}
          {f.kind === 'AUDIO' && <audio controls preload="none" src={f.url} aria-label={`录音：${f.name}`} className="file-audio" />}
          {f.kind === 'PDF' && <a href={f.url} target="_blank" rel="noreferrer"><FilePdfOutlined /> {f.name}</a>}
        </li>
      ))}
    </ul>
  );
}
