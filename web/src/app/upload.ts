import { uploadErrorText } from '../messages';
import { currentToken } from './session';

/**
 * The service's chunked, resumable upload protocol (README "Photos and recordings"), for
 * phones on weak networks: `POST /uploads` announces the file, `PATCH /uploads/{id}` sends it
 * chunk by chunk with `Upload-Offset`, `HEAD` says where to go on after a cut connection,
 * `DELETE` abandons it. A chunk that fails on the network is sent again from the offset the
 * service reports, a few times with a growing pause; a refusal (type, size, space) stops at once.
 */
export interface UploadedFileInfo {
  id: string;
  name: string;
  kind: 'IMAGE' | 'AUDIO' | 'PDF';
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
}

/** An upload that did not end in a kept file; `text` is what the user reads, in Chinese. */
export class UploadFailure extends Error {
  constructor(readonly code: string, readonly text: string) {
    super(text);
  }
}

const RETRIES = 5;

/** HEIC photos (iPhone "高效") the service cannot read: refused before a byte is sent. */
export function isHeic(file: { name: string; type: string }): boolean {
  return /^image\/hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name);
}

async function failureOf(response: Response): Promise<UploadFailure> {
  let code = response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UPLOAD_FAILED';
  let figures: Record<string, number> = {};
  try {
    const body = (await response.json()) as { errors?: { extensions?: { code?: string; figures?: Record<string, number> } }[] };
    const ext = body.errors?.[0]?.extensions;
    if (ext?.code) code = ext.code;
    if (ext?.figures) figures = ext.figures;
  } catch {
    // No JSON body: the status tells enough.
  }
  return new UploadFailure(code, uploadErrorText(code, figures));
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = currentToken();
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const handle = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(handle);
      reject(new UploadFailure('ABORTED', uploadErrorText('ABORTED', {})));
    }, { once: true });
  });

/**
 * Uploads `file`, reporting the share sent (0–1); resolves with the kept file. Aborting the
 * signal abandons the upload on the service too.
 */
export async function uploadFile(file: Blob, name: string, options: { onProgress?: (share: number) => void; signal?: AbortSignal } = {}): Promise<UploadedFileInfo> {
  const { onProgress, signal } = options;
  if (isHeic({ name, type: file.type })) throw new UploadFailure('HEIC_NOT_SUPPORTED', uploadErrorText('HEIC_NOT_SUPPORTED', {}));
  let started: Response;
  try {
    started = await fetch('/uploads', {
      method: 'POST', signal, headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify({ name, sizeBytes: file.size }),
    });
  } catch {
    throw new UploadFailure(signal?.aborted ? 'ABORTED' : 'NETWORK', uploadErrorText(signal?.aborted ? 'ABORTED' : 'NETWORK', {}));
  }
  if (started.status !== 201) throw await failureOf(started);
  const { uploadId, chunkBytes } = (await started.json()) as { uploadId: string; chunkBytes: number };
  const at = `/uploads/${uploadId}`;
  const abandon = () => void fetch(at, { method: 'DELETE', headers: headers() }).catch(() => undefined);
  signal?.addEventListener('abort', abandon, { once: true });

  let offset = 0;
  let failures = 0;
  onProgress?.(0);
  try {
    for (;;) {
      if (signal?.aborted) throw new UploadFailure('ABORTED', uploadErrorText('ABORTED', {}));
      let response: Response | null = null;
      try {
        response = await fetch(at, {
          method: 'PATCH', signal,
          headers: headers({ 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
          body: file.slice(offset, offset + chunkBytes),
        });
      } catch {
        response = null;
      }
      if (response && (response.status === 204 || response.status === 201 || response.status === 409)) {
        if (response.status === 201) {
          onProgress?.(1);
          return ((await response.json()) as { file: UploadedFileInfo }).file;
        }
        // 204: the chunk was kept; 409: the service had another offset (an earlier chunk did arrive).
        offset = Number(response.headers.get('upload-offset'));
        if (response.status === 409) await response.body?.cancel();
        failures = 0;
        onProgress?.(offset / file.size);
        continue;
      }
      if (response && response.status < 500) throw await failureOf(response);
      // A cut connection or a service hiccup: wait, ask where the upload stands, go on from there.
      if (signal?.aborted || ++failures > RETRIES) {
        throw new UploadFailure(signal?.aborted ? 'ABORTED' : 'NETWORK', uploadErrorText(signal?.aborted ? 'ABORTED' : 'NETWORK', {}));
      }
      await pause(500 * 2 ** (failures - 1), signal);
      try {
        const head = await fetch(at, { method: 'HEAD', headers: headers(), signal });
        if (head.status === 404) throw new UploadFailure('UPLOAD_GONE', uploadErrorText('UPLOAD_GONE', {}));
        if (head.ok) offset = Number(head.headers.get('upload-offset'));
      } catch (e) {
        if (e instanceof UploadFailure) throw e;
        // Still offline: the next round tries again.
      }
    }
  } catch (e) {
    signal?.removeEventListener('abort', abandon);
    if (!(e instanceof UploadFailure && e.code === 'UPLOAD_GONE')) abandon();
    throw e;
  }
}
