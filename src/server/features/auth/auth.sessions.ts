import { createHmac, randomBytes } from 'node:crypto';
import type { BetterAuthPlugin, DBAdapter, DBTransactionAdapter, Where } from 'better-auth';
import { hashToken } from './auth.tokens';

/** A session token as the `session` table keeps it: its SHA-256, from which nobody can sign in. */
export const hashSessionToken = (token: string): string => hashToken(token);

type Row = Record<string, unknown>;

/**
 * The tokens this process was given lately, by their hashes, so that a listing can name the
 * caller's own session by its token (as plugins/session.ts remembers verified cookies), and
 * references for the others: an HMAC under a key of this process only, which a reader of the
 * table cannot make, accepted by updates and deletes and never by a lookup.
 */
function tokenBook() {
  const key = randomBytes(32);
  const given = new Map<string, string>();
  const mac = (hash: string) => createHmac('sha256', key).update(hash).digest('base64url');
  return {
    /** The hash to store or look up for a token better-auth holds. */
    stored(token: string): string {
      const hash = hashSessionToken(token);
      if (given.size >= 10_000) given.delete(given.keys().next().value!);
      given.set(hash, token);
      return hash;
    },
    /** What better-auth is given back for a stored hash: the token when known, else a reference. */
    shown: (hash: string): string => given.get(hash) ?? `ref.${hash}.${mac(hash)}`,
    /** The stored hash a reference names; undefined for anything else. */
    referred(value: string): string | undefined {
      const [prefix, hash, signature, ...rest] = value.split('.');
      return prefix === 'ref' && hash && signature === mac(hash) && !rest.length ? hash : undefined;
    },
  };
}
type TokenBook = ReturnType<typeof tokenBook>;

/**
 * better-auth has no option to hash session tokens, so this plugin wraps its database adapter:
 * the `session` table holds SHA-256(token) while better-auth, and the cookie, keep the token.
 * A token in a where-clause is hashed; a created row stores the hash and answers with the token;
 * a row read answers with its token (or a reference, see tokenBook). better-auth builds its
 * internal adapter on `context.adapter` after the plugins' init, so every session call passes here.
 */
export function hashedSessionTokens(): BetterAuthPlugin {
  return {
    id: 'hashed-session-tokens',
    init: (ctx) => ({ context: { adapter: wrapAdapter(ctx.adapter, tokenBook()) } }),
  };
}

function wrapAdapter(inner: DBAdapter, book: TokenBook): DBAdapter {
  return { ...wrapOperations(inner, book), transaction: (callback) => inner.transaction((trx) => callback(wrapOperations(trx, book))) };
}

function wrapOperations<A extends DBTransactionAdapter>(inner: A, book: TokenBook): A {
  const hashValue = (value: unknown, write: boolean) => (typeof value === 'string' ? ((write && book.referred(value)) || book.stored(value)) : value);
  const where = (model: string, clauses: Where[] | undefined, write: boolean) =>
    model !== 'session' || !clauses
      ? clauses
      : clauses.map((w) => (w.field !== 'token' ? w : { ...w, value: (Array.isArray(w.value) ? w.value.map((v) => hashValue(v, write)) : hashValue(w.value, write)) as Where['value'] }));
  const show = <T>(model: string, row: T): T => {
    if (model !== 'session' || !row || typeof row !== 'object' || typeof (row as Row).token !== 'string') return row;
    return { ...row, token: book.shown((row as Row).token as string) };
  };
  return {
    ...inner,
    create: async (args) => {
      if (args.model !== 'session') return inner.create(args);
      const data = args.data as Row;
      const created = await inner.create({ ...args, data: { ...data, token: typeof data.token === 'string' ? book.stored(data.token) : data.token } });
      return show(args.model, created);
    },
    findOne: async (args) => show(args.model, await inner.findOne({ ...args, where: where(args.model, args.where, false)! })),
    findMany: async (args) => (await inner.findMany({ ...args, where: where(args.model, args.where, false) })).map((row) => show(args.model, row)),
    count: (args) => inner.count({ ...args, where: where(args.model, args.where, false) }),
    update: async (args) => show(args.model, await inner.update({ ...args, where: where(args.model, args.where, true)! })),
    updateMany: (args) => inner.updateMany({ ...args, where: where(args.model, args.where, true)! }),
    delete: (args) => inner.delete({ ...args, where: where(args.model, args.where, true)! }),
    deleteMany: (args) => inner.deleteMany({ ...args, where: where(args.model, args.where, true)! }),
    consumeOne: async (args) => show(args.model, await inner.consumeOne({ ...args, where: where(args.model, args.where, true)! })),
    incrementOne: async (args) => show(args.model, await inner.incrementOne({ ...args, where: where(args.model, args.where, true)! })),
  };
}
