import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { RequestError } from '../app/client';
import { requestErrorText } from '../messages';

/**
 * Loading, error and empty states of a page section: a skeleton of the same height while the
 * first answer is on its way (no jump when it arrives), an error that says what to do with a
 * retry button, or an empty note.
 */
export function Loadable<T>(props: {
  data: T | undefined;
  error: RequestError | undefined;
  retry: () => void;
  rows?: number;
  empty?: (data: T) => ReactNode | null;
  children: (data: T) => ReactNode;
}) {
  const { data, error, retry, rows = 4 } = props;
  if (error && !data) return <ErrorNote error={error} retry={retry} />;
  if (!data) return <Skeleton active paragraph={{ rows }} />;
  const empty = props.empty?.(data);
  return (
    <>
      {error && <ErrorNote error={error} retry={retry} />}
      {empty ?? props.children(data)}
    </>
  );
}

export function ErrorNote({ error, retry }: { error: RequestError; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={requestErrorText(error)}
      action={retry && <Button size="small" onClick={retry}>重试</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children} />;
}
