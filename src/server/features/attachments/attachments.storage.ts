import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Config } from '../../config';

/** Where attachment bytes live; an S3-compatible store can implement the same three calls. */
export type FileStore = {
  /** Stores a stream under a key of `newStorageKey()`; rejects (and keeps nothing) when it exceeds maxBytes. */
  put(key: string, stream: Readable, maxBytes: number): Promise<{ size: number }>;
  get(key: string): Readable;
  remove(key: string): Promise<void>;
};

export class TooLargeError extends Error {}

/** A new random storage key: the user's file name never reaches the disk. */
export const newStorageKey = () => randomUUID();

/** Files under DATA_DIR/attachments, named by random keys: the user's file name never reaches the disk. */
export function localFileStore(root: string): FileStore {
  fs.mkdirSync(root, { recursive: true });
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, stream, maxBytes) {
      const file = pathOf(key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      let size = 0;
      const out = fs.createWriteStream(file, { flags: 'wx' });
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
          out,
        );
      } catch (error) {
        // A stream torn down while it still opens creates its file afterwards: remove it once closed.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        fs.rmSync(file, { force: true });
        throw error;
      }
      return { size };
    },
    get: (key) => fs.createReadStream(pathOf(key)),
    async remove(key) {
      fs.rmSync(pathOf(key), { force: true });
    },
  };
}

/** The configured store: DATA_DIR/attachments. */
export const attachmentStore = (config: Pick<Config, 'dataDir'>): FileStore => localFileStore(path.join(config.dataDir, 'attachments'));
