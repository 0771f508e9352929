import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** What startMaintenance (maintenance.ts) hands the thread. */
export type MaintenanceSettings = {
  file: string;
  /** Pause between two checkpoints. */
  intervalMs: number;
  /** WAL frames (pages) past which the WAL is made to start over (see below). */
  restartAboveFrames: number;
  /** Longest wait of such a restart for the writer in progress, and for readers of old snapshots. */
  restartWaitMs: number;
  /** Pages one full-text merge step may write (it holds the write lock meanwhile). */
  mergePages: number;
};

export type MaintenanceMessage = { ready: true } | { error: string };

type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * The maintenance thread of a SQLite file, with its own connection, does every interval what would
 * otherwise stall a request's transaction: it merges full-text index segments, then copies
 * committed pages from the WAL into the database file.
 *
 * Full-text (FTS5) tables whose `automerge` is 0 (a migration sets it) leave merging to this
 * thread. FTS5 writes a new segment at each transaction that indexes text; with automerge on, the
 * writer that adds the fourth segment of a level merges them, which on a large index can take
 * 100 ms inside an opening. Here each merge step writes at most `mergePages` pages, in its own
 * short transaction, until no level has enough segments (FTS5's `usermerge`). Should this thread
 * fall behind, FTS5 still merges in the writer once a level holds `crisismerge` segments.
 *
 * Checkpoints: serving connections leave them to this thread (wal_autocheckpoint = 0), so that no
 * request's commit makes one. A PASSIVE checkpoint takes no lock that writers or readers wait for.
 *
 * SQLite writes the WAL from its beginning again at the first commit after a checkpoint has copied
 * every frame, when no reader still uses an older snapshot. Under sustained writes new commits land
 * while each checkpoint runs, so that may never happen and the WAL would grow without end. Once it
 * holds more than `restartAboveFrames`, a RESTART checkpoint follows: it holds the write lock while
 * it copies the frames committed since the last pass, fsyncs, and waits (at most `restartWaitMs`)
 * for readers to leave the WAL. If it cannot, it has checkpointed passively and the next interval
 * tries again.
 */
const settings = workerData as MaintenanceSettings;
const port = parentPort!;
// The serving processes create the file; maintenance of a mistyped path must not create another.
const sqlite = new SQLite(settings.file, { fileMustExist: true });
sqlite.pragma(`busy_timeout = ${settings.restartWaitMs}`);
// Its own merges must not checkpoint inside their commits either: the thread checkpoints next.
sqlite.pragma('wal_autocheckpoint = 0');
const passive = sqlite.prepare<[], CheckpointResult>('pragma wal_checkpoint(PASSIVE)');
const restart = sqlite.prepare<[], CheckpointResult>('pragma wal_checkpoint(RESTART)');

/** The full-text tables that leave merging to this thread; read once, as migrations ran before it started. */
const mergedHere = (sqlite.prepare(`select name from sqlite_master where type = 'table' and sql like 'create virtual table%using fts5%'`).pluck().all() as string[])
  .filter((table) => sqlite.prepare(`select v from "${table}_config" where k = 'automerge'`).pluck().get() === 0)
  .map((table) => sqlite.prepare(`insert into "${table}"("${table}", rank) values ('merge', ${settings.mergePages})`));
const totalChanges = sqlite.prepare('select total_changes()').pluck();

/** Merge steps per table and interval, at most: a bound on the thread's share of the write lock. */
const maxMergeSteps = 20;

function mergeSearchIndexes(): void {
  for (const merge of mergedHere) {
    for (let step = 0; step < maxMergeSteps; step++) {
      const before = totalChanges.get() as number;
      try {
        merge.run();
      } catch (error) {
        // A writer held the lock past the busy timeout: the next interval goes on.
        if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return;
        throw error;
      }
      // FTS5's documented sign that a merge step found nothing left to do.
      if ((totalChanges.get() as number) - before < 2) break;
    }
  }
}

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
      mergeSearchIndexes();
      checkpoint();
    } catch (error) {
      // An I/O error may pass; the next interval tries again.
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies MaintenanceMessage);
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
port.postMessage({ ready: true } satisfies MaintenanceMessage);
