import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** What startCheckpointer (checkpointer.ts) hands the thread. */
export type CheckpointerSettings = {
  file: string;
  /** Pause between two checkpoints. */
  intervalMs: number;
  /** WAL frames (pages) past which the WAL is made to start over (see below). */
  restartAboveFrames: number;
  /** Longest wait of such a restart for the writer in progress, and for readers of old snapshots. */
  restartWaitMs: number;
};

export type CheckpointerMessage = { ready: true } | { error: string };

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * The checkpointer thread: its own connection copies committed pages from the WAL into the
 * database file every interval, so that no request's commit does it (wal_autocheckpoint = 0 in the
 * serving connections). A PASSIVE checkpoint takes no lock that writers or readers wait for.
 *
 * SQLite writes the WAL from its beginning again at the first commit after a checkpoint has copied
 * every frame, when no reader still uses an older snapshot. Under sustained writes new commits land
 * while each checkpoint runs, so that may never happen and the WAL would grow without end. Once it
 * holds more than `restartAboveFrames`, a RESTART checkpoint follows: it holds the write lock while
 * it copies the frames committed since the last pass, fsyncs, and waits (at most `restartWaitMs`)
 * for readers to leave the WAL. If it cannot, it has checkpointed passively and the next interval
 * tries again.
 */
const settings = workerData as CheckpointerSettings;
const port = parentPort!;
// The serving processes create the file; a checkpointer of a mistyped path must not create another.
const sqlite = new SQLite(settings.file, { fileMustExist: true });
sqlite.pragma(`busy_timeout = ${settings.restartWaitMs}`);
const passive = sqlite.prepare<[], CheckpointResult>('pragma wal_checkpoint(PASSIVE)');
const restart = sqlite.prepare<[], CheckpointResult>('pragma wal_checkpoint(RESTART)');

/** Frames committed during a passive pass below which the restart's hold of the write lock is short. */
const fewFrames = 64;

function checkpoint(): void {
  let pass = passive.get()!;
  if (pass.log <= settings.restartAboveFrames) return;
  // A pass over a large WAL takes tens of ms, during which more is committed; a few more passes
  // (without locks) leave the restart only a few frames to copy under the write lock.
  for (let extraPasses = 0; extraPasses < 3; extraPasses++) {
    const next = passive.get()!;
    const committedMeanwhile = next.log - pass.log;
    pass = next;
    if (committedMeanwhile < fewFrames) break;
  }
  // Unless a writer has started the WAL over meanwhile.
  if (pass.log > settings.restartAboveFrames) restart.get();
}

let timer: NodeJS.Timeout | undefined;
function scheduleNext(): void {
  timer = setTimeout(() => {
    try {
      checkpoint();
    } catch (error) {
      // An I/O error may pass; the next interval tries again.
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies CheckpointerMessage);
    }
    scheduleNext();
  }, settings.intervalMs);
}

port.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  // Everything committed so far goes into the database file (and if this is the file's last
  // connection, closing it removes the WAL).
  passive.get();
  sqlite.close();
  port.close();
});
scheduleNext();
port.postMessage({ ready: true } satisfies CheckpointerMessage);
