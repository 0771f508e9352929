import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../auth/auth.actor';

/** Where a macro is shared: what its policy decides by. */
export type MacroScope = { owner_id: string; share: string; group_id: number | null };

/**
 * Who sees (and applies) a macro:
 * - personal: its owner alone;
 * - shared with a group: that group's agents, and the system administrator;
 * - shared with all agents: every agent.
 * Customers never see one.
 */
export function maySeeMacro(actor: Actor, macro: MacroScope): boolean {
  if (!actor.staffRole) return false;
  if (macro.share === 'personal') return macro.owner_id === actor.id;
  if (macro.share === 'group') return actor.staffRole === 'admin' || (macro.group_id !== null && actor.groupIds.includes(macro.group_id));
  return true;
}

/**
 * Who changes or deletes a macro: its owner (a personal one, or one they shared with their group),
 * and the system administrator, who manages the shared ones; a macro of all agents is theirs alone.
 */
export function mayEditMacro(actor: Actor, macro: MacroScope): boolean {
  if (!maySeeMacro(actor, macro)) return false;
  if (actor.staffRole === 'admin') return true;
  return macro.share !== 'all' && macro.owner_id === actor.id;
}

/** `maySeeMacro` as the where-clause of every macro query. */
export function macrosVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'macro'>): Expression<SqlBool> => {
    if (!actor.staffRole) return eb.lit(false);
    return eb.or([
      eb.and([eb('macro.share', '=', 'personal'), eb('macro.owner_id', '=', actor.id)]),
      eb('macro.share', '=', 'all'),
      actor.staffRole === 'admin'
        ? eb('macro.share', '=', 'group')
        : actor.groupIds.length
          ? eb.and([eb('macro.share', '=', 'group'), eb('macro.group_id', 'in', actor.groupIds)])
          : eb.lit(false),
    ]);
  };
}
