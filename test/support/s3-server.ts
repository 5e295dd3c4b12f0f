import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

/**
 * An S3-compatible server on loopback (s3rver, which checks Signature V4 with its default
 * keys), with an empty bucket, and the STORAGE_URL that reaches it.
 */
export interface S3Server {
  storageUrl: string;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'homework-files'): Promise<S3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const port = typeof address === 'object' && address && 'port' in address ? address.port : server.httpServer?.address()?.port;
  return {
    storageUrl: `s3+http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}?region=us-east-1`,
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
