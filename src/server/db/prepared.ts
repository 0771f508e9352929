import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/** Where a compiled query's parameter comes from: the caller's nth argument, or a constant. */
type Slot = { arg: number } | { value: unknown };

/**
 * A query whose shape never varies, built and compiled once; each run binds the caller's values.
 * Kysely builds and compiles a query anew on every execution, which on a path taken by every
 * request (the session) costs several times what SQLite needs to run it.
 *
 * `build` receives one placeholder per argument and must pass each straight into the query as a
 * value (a `where`, a `set`): the placeholders are recognised in the compiled parameters.
 */
export function preparedQuery<Args extends unknown[], Row>(
  db: Kysely<never> | Kysely<any>,
  arity: Args['length'],
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000prepared-argument-${i}\u0000`);
  const compiled = build(...(placeholders as Args)).compile();
  const slots: Slot[] = compiled.parameters.map((value) => {
    const arg = placeholders.indexOf(value as string);
    return arg === -1 ? { value } : { arg };
  });
  placeholders.forEach((_, i) => {
    if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`preparedQuery: argument ${i} is not a parameter of the query`);
  });
  return async (...args: Args) => {
    const parameters = slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const result = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
