import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../graphql/graphql';
import type { RequestErrorInfo } from '../messages';
import { clearSession, currentToken } from './session';

/**
 * A small GraphQL client over fetch for the typed documents graphql-codegen generates: the
 * result and variables types come from the document, so the schema types every page.
 */
export class RequestError extends Error implements RequestErrorInfo {
  constructor(readonly code: string, message: string, readonly extensions: Record<string, unknown> = {}) {
    super(message);
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when the service no longer accepts the token (expired, revoked elsewhere). */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function execute<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch {
    throw new RequestError('NETWORK', 'network error');
  }
  let body: { data?: R | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = await response.json();
  } catch {
    throw new RequestError(response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'NETWORK', `HTTP ${response.status}`);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code === 'UNAUTHENTICATED' && token) {
      clearSession();
      signedOutListeners.forEach((l) => l());
    }
    throw new RequestError(code, error.message, error.extensions ?? {});
  }
  return body.data as R;
}

export interface QueryState<R> {
  data: R | undefined;
  error: RequestError | undefined;
  /** True while a request runs; earlier data stays shown meanwhile (no layout shift). */
  loading: boolean;
  refetch: () => Promise<void>;
}

/** Runs a query when its variables change; `skip` holds it until they are ready. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { skip?: boolean } = {}): QueryState<R> {
  const [data, setData] = useState<R>();
  const [error, setError] = useState<RequestError>();
  const [loading, setLoading] = useState(!options.skip);
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const result = await execute(document, JSON.parse(key) as V);
      if (ticket === latest.current) {
        setData(result);
        setError(undefined);
      }
    } catch (e) {
      if (ticket === latest.current) setError(e instanceof RequestError ? e : new RequestError('INTERNAL', String(e)));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [document, key]);

  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    void run();
  }, [run, options.skip]);

  return { data, error, loading, refetch: run };
}

/** A mutation runner with its own busy flag. Errors are thrown to the caller as RequestError. */
export function useMutation<R, V>(document: TypedDocumentString<R, V>): [(variables: V) => Promise<R>, boolean] {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (variables: V) => {
      setBusy(true);
      try {
        return await execute(document, variables);
      } finally {
        setBusy(false);
      }
    },
    [document],
  );
  return [run, busy];
}

/** A key for a create mutation's `clientKey`: a retry of the same hand-in reuses it. */
export function newClientKey(): string {
  return crypto.randomUUID();
}
