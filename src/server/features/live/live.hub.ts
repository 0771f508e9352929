import type { ServerResponse } from 'node:http';
import type { ViewerView } from '../../../contracts/live';
import type { Db } from '../../db/database';
import { loadActor, type Actor } from '../auth/auth.actor';
import { ticketReader, type TicketScope } from '../tickets/tickets.policy';
import type { LiveMessage } from './live.messages';

/** One open event stream: a browser tab of a signed-in person. */
type Stream = { actor: Actor; sessionId: string; res: ServerResponse };

/** Someone on a ticket's page, as the page's presence shows them. */
type Viewer = { id: string; name: string; staff: boolean };
type Seen = Viewer & { until: number; typingUntil: number };

/** An announcement of presence lasts this long; pages repeat it more often (every 15 s). */
const presenceMs = 45_000;
/** "Ana está respondendo…" lasts this long after her last announcement of typing (pages repeat it every few seconds). */
const typingMs = 8_000;
/** A stream whose reader has not taken this much is dropped (a client that never reads). */
const maxBacklogBytes = 1024 * 1024;
/** Sessions are read again every this many heartbeats (a sign-out, a deactivation, a group change). */
const sessionCheckEvery = 3;

export type Hub = ReturnType<typeof createHub>;

/**
 * The event streams of this process and what each may hear. Every message is sent to each stream
 * whose person may read the ticket by the same rule as the lists (`ticketReader`, readableBy held
 * in memory): a customer hears only of changes that have a public part (an internal note, an
 * assignment are never told), of tickets of their company that they read; presence and typing
 * reach the vendor's staff only. Comments every `heartbeatMs` keep each connection from the idle
 * timeout; the sessions behind the streams are read again every few heartbeats, and a stream of a
 * session that ended (or of a person who may no longer act) is closed.
 */
export function createHub(db: Db, { heartbeatMs }: { heartbeatMs: number }) {
  const streams = new Set<Stream>();
  const presence = new Map<number, Map<string, Seen>>();
  let ticks = 0;
  let delivering = Promise.resolve();

  const write = (stream: Stream, chunk: string) => {
    if (stream.res.writableEnded || stream.res.destroyed) return;
    stream.res.write(chunk);
    if (stream.res.writableLength > maxBacklogBytes) stream.res.destroy();
  };
  const send = (stream: Stream, event: string, data: unknown) => write(stream, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

  async function deliverTicket(m: Extract<LiveMessage, { t: 'ticket' }>) {
    const number = m.scope.number;
    const listeners = [...streams];
    const copiedOnly = listeners.some((s) => !s.actor.staffRole && m.public && ticketReader(s.actor, m.scope) === 'ifCopied');
    const copies = copiedOnly ? await copiesOf(db, m.scope.ticketId) : new Set<string>();
    for (const s of listeners) {
      const reader = ticketReader(s.actor, m.scope);
      if (s.actor.staffRole) {
        if (reader === 'reads') send(s, 'ticket', { number, revision: m.revision });
        // The group it left: its lists and counts change, and it learns no more than that.
        else if (m.formerGroupId != null && s.actor.groupIds.includes(m.formerGroupId)) send(s, 'ticket', { number, gone: true });
      } else if (m.public && (reader === 'reads' || (reader === 'ifCopied' && copies.has(s.actor.email)))) {
        send(s, 'ticket', { number, revision: m.revision });
      }
    }
  }

  function deliverPresence(m: Extract<LiveMessage, { t: 'presence' }>) {
    const now = Date.now();
    const onTicket = presence.get(m.scope.number) ?? new Map<string, Seen>();
    // `viewing` is being on the page without typing: it ends a `typing` at once (a reply sent).
    if (m.activity === 'left') onTicket.delete(m.person.id);
    else onTicket.set(m.person.id, { ...m.person, until: now + presenceMs, typingUntil: m.activity === 'typing' ? now + typingMs : 0 });
    if (onTicket.size) presence.set(m.scope.number, onTicket);
    else presence.delete(m.scope.number);
    for (const s of streams) {
      if (!s.actor.staffRole || s.actor.id === m.person.id || ticketReader(s.actor, m.scope) !== 'reads') continue;
      send(s, 'presence', { number: m.scope.number, person: { id: m.person.id, name: m.person.name, side: m.person.staff ? 'agent' : 'customer' }, activity: m.activity });
    }
  }

  /** Ends the streams of sessions that ended, and gives the others their person as they are now. */
  async function checkSessions() {
    const bySession = new Map<string, Stream[]>();
    for (const s of streams) bySession.set(s.sessionId, [...(bySession.get(s.sessionId) ?? []), s]);
    for (const [sessionId, list] of bySession) {
      const session = await db.selectFrom('session').select(['person_id', 'expires_at']).where('id', '=', sessionId).executeTakeFirst();
      const actor = session && new Date(session.expires_at).getTime() > Date.now() ? await loadActor(db, session.person_id) : undefined;
      for (const s of list) {
        if (actor) s.actor = actor;
        else s.res.end();
      }
    }
  }

  const heartbeat = setInterval(() => {
    for (const s of streams) write(s, ': \n\n');
    const now = Date.now();
    for (const [number, onTicket] of presence) {
      for (const [id, seen] of onTicket) if (seen.until < now) onTicket.delete(id);
      if (!onTicket.size) presence.delete(number);
    }
    if (++ticks % sessionCheckEvery === 0) void checkSessions().catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();

  return {
    /** Streams open now, in all and of one person. */
    count: (personId?: string) => (personId === undefined ? streams.size : [...streams].filter((s) => s.actor.id === personId).length),

    /** Starts an event stream on the response (its headers so far kept) and holds it until either side closes it. */
    open(res: ServerResponse, headers: Record<string, string | string[]>, actor: Actor, sessionId: string) {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      const stream: Stream = { actor, sessionId, res };
      streams.add(stream);
      res.on('close', () => streams.delete(stream));
      // The browser reconnects 3 s after a break, and reads everything afresh on `ready`.
      write(stream, 'retry: 3000\n\n');
      send(stream, 'ready', {});
    },

    /** Sends a message to the streams that may hear it, in the order messages come. */
    deliver(message: LiveMessage): Promise<void> {
      delivering = delivering.then(async () => {
        if (message.t === 'ticket') await deliverTicket(message);
        else if (message.t === 'presence') deliverPresence(message);
        else if (message.t === 'notification') {
          for (const s of streams) if (s.actor.id === message.personId) send(s, 'notification', { unread: message.unread });
        } else for (const s of streams) send(s, 'resync', {});
      });
      delivering = delivering.catch(() => undefined);
      return delivering;
    },

    /** Who else is on a ticket's page now (as the announcements of every process told). */
    viewers(scope: TicketScope, exceptPersonId: string): ViewerView[] {
      const now = Date.now();
      return [...(presence.get(scope.number)?.values() ?? [])]
        .filter((v) => v.id !== exceptPersonId && v.until >= now)
        .map((v) => ({ id: v.id, name: v.name, side: v.staff ? ('agent' as const) : ('customer' as const), typing: v.typingUntil >= now }));
    },

    /** Ends every stream (the server is closing) and stops the heartbeat. */
    close() {
      clearInterval(heartbeat);
      for (const s of streams) s.res.end();
      streams.clear();
    },
  };
}

async function copiesOf(db: Db, ticketId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('ticket_copy').select('email').where('ticket_id', '=', ticketId).execute();
  return new Set(rows.map((r) => r.email));
}

