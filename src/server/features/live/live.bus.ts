import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../../db/database';
import type { LiveMessage } from './live.messages';

/** Carries live messages to every serving process of the database, this one included. */
export type Bus = {
  /** Delivers here at once, and to the other processes. */
  publish: (messages: LiveMessage[]) => Promise<void>;
  close: () => Promise<void>;
};

type Log = { warn: (object: object, message: string) => void; info: (object: object, message: string) => void };

/** What a worker sends the primary, and the primary every other worker (SQLite with WORKERS > 1). */
type Relayed = { atendeLive: LiveMessage[] };
const isRelayed = (value: unknown): value is Relayed => typeof value === 'object' && value !== null && Array.isArray((value as Relayed).atendeLive);

/** NOTIFY carries at most 8000 bytes; a larger batch goes as several. */
const maxPayload = 7000;

/**
 * The bus of one app: on PostgreSQL, NOTIFY on a channel of the database's schema, heard by a
 * client of its own that LISTENs (and connects again, with a back-off, when the connection breaks);
 * on SQLite in a cluster worker, the IPC channel to the primary, which relays to the other workers
 * (`relayBetweenWorkers`); otherwise this process alone. A process hears its own NOTIFY too and
 * skips it (it delivered those at once). While the listener was away messages may have been
 * missed: `resync` tells every stream to read everything again.
 */
export function openBus(db: Db, deliver: (message: LiveMessage) => void, log: Log): Bus {
  if (db.dialectName === 'postgres' && db.connectPg) return postgresBus(db, db.connectPg, deliver, log);
  if (cluster.isWorker && process.send) return workerBus(deliver);
  return {
    publish: async (messages) => messages.forEach(deliver),
    close: async () => undefined,
  };
}

function workerBus(deliver: (message: LiveMessage) => void): Bus {
  const hear = (value: unknown) => {
    if (isRelayed(value)) value.atendeLive.forEach(deliver);
  };
  process.on('message', hear);
  return {
    publish: async (messages) => {
      messages.forEach(deliver);
      process.send?.({ atendeLive: messages } satisfies Relayed);
    },
    close: async () => void process.off('message', hear),
  };
}

/** In the primary of a cluster: passes each worker's live messages on to the others. */
export function relayBetweenWorkers(): void {
  cluster.on('message', (from, value: unknown) => {
    if (!isRelayed(value)) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(value);
  });
}

function postgresBus(db: Db, connect: () => pg.Client, deliver: (message: LiveMessage) => void, log: Log): Bus {
  const origin = randomUUID();
  const channel = `atende_live${db.pgSchema ? `_${db.pgSchema}` : ''}`;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 250;
  let broke = false;

  const listen = async () => {
    if (closed) return;
    const next = connect();
    const reconnect = () => {
      if (client !== next) return;
      client = undefined;
      broke = true;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (closed) return;
      log.warn({ channel, retryInMs: delay }, 'live: the LISTEN connection broke; connecting again');
      retry = setTimeout(() => void listen(), delay);
      retry.unref();
      delay = Math.min(delay * 2, 10_000);
    };
    client = next;
    next.on('error', reconnect);
    next.on('end', reconnect);
    next.on('notification', (n) => {
      if (n.channel !== channel || !n.payload) return;
      const { from, messages } = JSON.parse(n.payload) as { from: string; messages: LiveMessage[] };
      if (from !== origin) messages.forEach(deliver);
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      delay = 250;
      // What was sent while nobody listened is lost: every stream reads afresh.
      if (broke) deliver({ t: 'resync' });
      broke = false;
    } catch {
      reconnect();
    }
  };
  void listen();

  return {
    publish: async (messages) => {
      messages.forEach(deliver);
      const payloads: string[] = [];
      let batch: LiveMessage[] = [];
      const flush = () => batch.length && payloads.push(JSON.stringify({ from: origin, messages: batch }));
      for (const message of messages) {
        if (batch.length && JSON.stringify({ from: origin, messages: [...batch, message] }).length > maxPayload) {
          flush();
          batch = [];
        }
        batch.push(message);
      }
      flush();
      await sql`select pg_notify(${channel}, p) from unnest(${payloads}::text[]) as p`.execute(db);
    },
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
