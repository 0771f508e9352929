import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/** Where attachment bytes live; an S3-compatible store can implement the same three calls. */
export type FileStore = {
  /** Stores a stream under a new key; rejects (and keeps nothing) when it exceeds maxBytes. */
  put(stream: Readable, maxBytes: number): Promise<{ key: string; size: number }>;
  get(key: string): Readable;
  remove(key: string): Promise<void>;
};

export class TooLargeError extends Error {}

/** Files under DATA_DIR/attachments, named by random keys: the user's file name never reaches the disk. */
export function localFileStore(root: string): FileStore {
  fs.mkdirSync(root, { recursive: true });
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(stream, maxBytes) {
      const key = randomUUID();
      const file = pathOf(key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      let size = 0;
      try {
        await pipeline(
          stream,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > maxBytes) throw new TooLargeError();
              yield chunk;
            }
          },
          fs.createWriteStream(file, { flags: 'wx' }),
        );
      } catch (error) {
        fs.rmSync(file, { force: true });
        throw error;
      }
      return { key, size };
    },
    get: (key) => fs.createReadStream(pathOf(key)),
    async remove(key) {
      fs.rmSync(pathOf(key), { force: true });
    },
  };
}
