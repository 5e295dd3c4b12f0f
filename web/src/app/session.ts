/**
 * The bearer token: kept for the tab only (sessionStorage), or — with "remember me" — in
 * localStorage for at most 7 days (and never past the token's own expiry).
 */
const KEY = 'shuangjian.session';
const REMEMBER_MS = 7 * 24 * 3600 * 1000;

export interface StoredSession {
  token: string;
  /** Epoch ms after which the stored token is dropped. */
  expiresAt: number;
}

export function saveSession(token: string, tokenExpiresAt: string | null | undefined, remember: boolean): void {
  const tokenEnd = tokenExpiresAt ? Date.parse(tokenExpiresAt) : Number.POSITIVE_INFINITY;
  clearSession();
  if (remember) {
    const session: StoredSession = { token, expiresAt: Math.min(Date.now() + REMEMBER_MS, tokenEnd) };
    localStorage.setItem(KEY, JSON.stringify(session));
  } else {
    const session: StoredSession = { token, expiresAt: Number.isFinite(tokenEnd) ? tokenEnd : Date.now() + REMEMBER_MS };
    sessionStorage.setItem(KEY, JSON.stringify(session));
  }
}

/** Replaces the token where it is kept (after a password change), keeping "remember me". */
export function replaceToken(token: string, tokenExpiresAt: string | null | undefined): void {
  const remembered = localStorage.getItem(KEY) !== null;
  saveSession(token, tokenExpiresAt, remembered);
}

function read(storage: Storage): string | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as StoredSession;
    if (typeof session.token === 'string' && session.expiresAt > Date.now()) return session.token;
  } catch {
    // A damaged entry is dropped below.
  }
  storage.removeItem(KEY);
  return null;
}

export function currentToken(): string | null {
  return read(sessionStorage) ?? read(localStorage);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}
