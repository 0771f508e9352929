import { Worker } from 'node:worker_threads';
import type { CheckpointerMessage, CheckpointerSettings } from './checkpointer.worker';

const workerModule = new URL('./checkpointer.worker.ts', import.meta.url).href;
// Node 20 does not apply `--import tsx` to worker threads (tsx issue #354: the thread fails with
// "Unknown file extension .ts"), so the thread registers tsx's hooks itself, then loads the module.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`;

/** An error of the thread arrives cloned: a SqliteError as a plain object that keeps only its code. */
const describe = (error: unknown) => (error instanceof Error ? error.message : ((error as { code?: string }).code ?? String(error)));

const defaults: Omit<CheckpointerSettings, 'file'> = { intervalMs: 200, restartAboveFrames: 4096, restartWaitMs: 10 };

export type CheckpointerOptions = Partial<Omit<CheckpointerSettings, 'file'>> & {
  /** A failed checkpoint or thread; by default written to stderr. */
  onError?: (error: Error) => void;
};

/**
 * Starts the WAL checkpointer of a SQLite file in a thread of this process (checkpointer.worker.ts)
 * and resolves once it runs, to the function that stops it. The processes serving the file open
 * it with `walCheckpoints: 'background'`; one checkpointer per file is enough for all of them.
 */
export async function startCheckpointer(file: string, options: CheckpointerOptions = {}): Promise<() => Promise<void>> {
  const { onError = (error) => process.stderr.write(`${error.message}\n`), ...tuning } = options;
  const workerData: CheckpointerSettings = { ...defaults, ...tuning, file };
  const worker = new Worker(bootstrap, { eval: true, workerData });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let started = false;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: CheckpointerMessage) => {
      if ('ready' in message) {
        started = true;
        resolve();
      } else {
        onError(new Error(`WAL checkpoint of ${file} failed: ${message.error}`));
      }
    });
    worker.on('error', (error: unknown) => {
      if (started) onError(new Error(`the WAL checkpointer of ${file} stopped: ${describe(error)}`));
      else reject(new Error(`the WAL checkpointer of ${file} could not start: ${describe(error)}`));
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`the WAL checkpointer of ${file} exited (${code}) before it started`));
    });
  });
  // The thread never keeps the process alive by itself; stopping it does, until its last checkpoint.
  worker.unref();
  return async () => {
    worker.ref();
    worker.postMessage('stop');
    await exited;
  };
}
