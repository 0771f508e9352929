import { Worker } from 'node:worker_threads';
import type { MaintenanceMessage, MaintenanceSettings } from './maintenance.worker';

const workerModule = new URL('./maintenance.worker.ts', import.meta.url).href;
// Node 20 does not apply `--import tsx` to worker threads (tsx issue #354: the thread fails with
// "Unknown file extension .ts"), so the thread registers tsx's hooks itself, then loads the module.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`;

/** An error of the thread arrives cloned: a SqliteError as a plain object that keeps only its code. */
const describe = (error: unknown) => (error instanceof Error ? error.message : ((error as { code?: string }).code ?? String(error)));

const defaults: Omit<MaintenanceSettings, 'file'> = { intervalMs: 200, restartAboveFrames: 16384, restartWaitMs: 10, mergePages: 64 };

export type MaintenanceOptions = Partial<Omit<MaintenanceSettings, 'file'>> & {
  /** A failed merge, checkpoint or thread; by default written to stderr. */
  onError?: (error: Error) => void;
};

/**
 * Starts the maintenance of a SQLite file (full-text merges and WAL checkpoints, maintenance.worker.ts)
 * in a thread of this process and resolves once it runs, to the function that stops it. The
 * processes serving the file open it with `walCheckpoints: 'background'`; one thread per file is
 * enough for all of them.
 */
export async function startMaintenance(file: string, options: MaintenanceOptions = {}): Promise<() => Promise<void>> {
  const { onError = (error) => process.stderr.write(`${error.message}\n`), ...tuning } = options;
  const workerData: MaintenanceSettings = { ...defaults, ...tuning, file };
  const worker = new Worker(bootstrap, { eval: true, workerData });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  let started = false;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: MaintenanceMessage) => {
      if ('ready' in message) {
        started = true;
        resolve();
      } else {
        onError(new Error(`maintenance of ${file} failed: ${message.error}`));
      }
    });
    worker.on('error', (error: unknown) => {
      if (started) onError(new Error(`the maintenance thread of ${file} stopped: ${describe(error)}`));
      else reject(new Error(`the maintenance thread of ${file} could not start: ${describe(error)}`));
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`the maintenance thread of ${file} exited (${code}) before it started`));
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
