/** Which engine a database handle talks to; a few queries differ by dialect. */
export type DialectName = 'sqlite' | 'postgres';
