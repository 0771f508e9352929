import type { Kysely, TransactionBuilder } from 'kysely';

/**
 * Domain events: what a transaction changed, told to whoever listens once it has committed.
 *
 * Code inside a transaction records what happened (`recordEvent(trx, …)`, e.g. where every ticket
 * change already passes); when that transaction commits, the listeners of its database handle
 * (`onCommitted`) get its events, in order, and a rolled-back transaction's events are dropped.
 * Side effects (live updates, notifications) follow the events, so a feature that changes tickets
 * need not know about them, and none of them happens for a change that was not written.
 *
 * Each feature declares its events by adding to `DomainEvents` (declaration merging), e.g.
 * `declare module '../../lib/events' { interface DomainEvents { 'ticket.changed': {…} } }`.
 * The events stay in this process; a listener that must reach other processes sends them on.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

/** One recorded event: its type and its facts. */
export type DomainEvent = { [K in keyof DomainEvents]: { type: K } & DomainEvents[K] }[keyof DomainEvents];

/** Gets the events of one committed transaction; a failure is logged and changes nothing that committed. */
export type CommitListener = (events: DomainEvent[]) => Promise<void> | void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

/** The events recorded so far by each open transaction (keyed by the object its callback got). */
const pending = new WeakMap<object, DomainEvent[]>();
const listeners = new WeakMap<AnyKysely, Set<{ listener: CommitListener; onError: (error: unknown) => void }>>();

/**
 * Records an event in the caller's transaction (the object `transaction().execute` handed its
 * callback): the listeners get it after the commit, never if it rolls back. Outside a followed
 * transaction (no listener on the handle, or a plain handle) it is dropped.
 */
export function recordEvent(trx: AnyKysely, event: DomainEvent): void {
  pending.get(trx)?.push(event);
}

/**
 * Calls `listener` with the events of each transaction of `db` after it commits, until the
 * returned function is called. The transaction's caller waits for the listeners, so that what
 * they write (a notification) is there once the request that caused it is answered.
 */
export function onCommitted(db: AnyKysely, listener: CommitListener, onError: (error: unknown) => void): () => void {
  let set = listeners.get(db);
  if (!set) {
    listeners.set(db, (set = new Set()));
    follow(db);
  }
  const entry = { listener, onError };
  set.add(entry);
  return () => set.delete(entry);
}

/** Makes every `db.transaction()` collect the events its callback records and hand them on after the commit. */
function follow(db: AnyKysely): void {
  const begin = db.transaction.bind(db);
  db.transaction = () => followed(begin(), db);
}

function followed<DB>(builder: TransactionBuilder<DB>, db: AnyKysely): TransactionBuilder<DB> {
  const execute = builder.execute.bind(builder);
  const setAccessMode = builder.setAccessMode.bind(builder);
  const setIsolationLevel = builder.setIsolationLevel.bind(builder);
  return Object.assign(builder, {
    setAccessMode: (...args: Parameters<typeof setAccessMode>) => followed(setAccessMode(...args), db),
    setIsolationLevel: (...args: Parameters<typeof setIsolationLevel>) => followed(setIsolationLevel(...args), db),
    execute: async <T>(callback: Parameters<typeof execute<T>>[0]): Promise<T> => {
      let recorded: DomainEvent[] = [];
      const result = await execute<T>((trx) => {
        recorded = [];
        pending.set(trx, recorded);
        return callback(trx);
      });
      if (recorded.length) await publish(db, recorded);
      return result;
    },
  });
}

async function publish(db: AnyKysely, events: DomainEvent[]): Promise<void> {
  const set = listeners.get(db);
  if (!set) return;
  await Promise.all(
    [...set].map(async ({ listener, onError }) => {
      try {
        await listener(events);
      } catch (error) {
        onError(error);
      }
    }),
  );
}
