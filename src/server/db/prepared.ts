import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Db } from './database';

/**
 * Queries built and compiled once, then run with each call's values. Kysely builds and compiles
 * a query anew on every execution; on the paths every request takes (the session, the lists)
 * that costs as much as SQLite needs to run it.
 *
 * A build receives placeholders instead of values and must pass each straight into the query as
 * a value (a `where`, a `set`, a `limit`): the placeholders are recognised among the compiled
 * parameters. A placeholder used any other way (compared, concatenated into a string) would bake
 * one call's value into every later call, so it is refused.
 */

const marker = '\u0000prepared:';
const placeholder = (name: string) => `${marker}${name}\u0000`;

/** Where a compiled query's parameter comes from: a named value of each run, or a constant. */
type Slot = { name: string } | { value: unknown };
type Compiled = { sql: string; slots: Slot[] };

/** Compiles a build; `required` names must each be a parameter (the others may go unused). */
function compileWithSlots(query: Compilable<unknown>, names: string[], required: string[]): Compiled {
  const compiled = query.compile();
  if (compiled.sql.includes(marker)) throw new Error('prepared query: a placeholder was written into the SQL text');
  const slots = compiled.parameters.map((value): Slot => {
    if (typeof value !== 'string' || !value.includes(marker)) return { value };
    const name = names.find((n) => placeholder(n) === value);
    if (name === undefined) throw new Error(`prepared query: a placeholder was used inside a value (${JSON.stringify(value)})`);
    return { name };
  });
  for (const name of required) {
    if (!slots.some((s) => 'name' in s && s.name === name)) throw new Error(`prepared query: "${name}" is not a parameter of the query`);
  }
  return { sql: compiled.sql, slots };
}

/** Runs a compiled read: on SQLite's read connection when the handle has one (database.ts), else through Kysely. */
async function run<Row>(db: Kysely<any>, { sql, slots }: Compiled, valueOf: (name: string) => unknown): Promise<Row[]> {
  const parameters = slots.map((s) => ('name' in s ? valueOf(s.name) : s.value));
  const read = (db as Partial<Db>).sqliteRead;
  if (read) return read(sql, parameters) as Row[];
  return (await db.executeQuery<Row>(CompiledQuery.raw(sql, parameters))).rows;
}

/** A query whose shape never varies; `build` gets one placeholder per argument. */
export function preparedQuery<Args extends unknown[], Row>(
  db: Kysely<any>,
  arity: Args['length'],
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const names = Array.from({ length: arity }, (_, i) => String(i));
  const compiled = compileWithSlots(build(...(names.map(placeholder) as Args)), names, names);
  return (...args: Args) => run<Row>(db, compiled, (name) => args[Number(name)]);
}

/** Hands a build the placeholder of a named value; the type is the value's, for the query builder. */
export type ValueOf = <T>(name: string) => T;

/** Most shapes kept per query; the oldest is compiled again when it comes back. */
const maxShapes = 500;

/**
 * A query whose SQL depends on a shape (which filters apply, how many ids a list holds, the sort)
 * and is compiled once per shape. The shape must hold everything that changes the SQL text and
 * nothing that is a value; `build` sees only the shape and placeholders, never a run's values.
 * Each run names its values; one the query needs and the run lacks is an error, never a null.
 */
export function queryByShape<Shape, Row>(
  db: Kysely<any>,
  build: (shape: Shape, value: ValueOf) => Compilable<Row>,
): (shape: Shape, values: Record<string, unknown>) => Promise<Row[]> {
  const byShape = new Map<string, Compiled>();
  const compile = (shape: Shape) => {
    const names: string[] = [];
    const query = build(shape, <T>(name: string) => {
      names.push(name);
      return placeholder(name) as T;
    });
    return compileWithSlots(query, names, []);
  };
  return async (shape, values) => {
    const key = JSON.stringify(shape);
    let compiled = byShape.get(key);
    if (!compiled) {
      if (byShape.size >= maxShapes) byShape.delete(byShape.keys().next().value!);
      byShape.set(key, (compiled = compile(shape)));
    }
    return run<Row>(db, compiled, (name) => {
      if (!(name in values)) throw new Error(`prepared query: no value for "${name}"`);
      return values[name];
    });
  };
}
