import type { MeView } from '../../../contracts/auth';
import type { Actor } from './auth.actor';

/** The signed-in person as the browser sees them. */
export function presentMe(actor: Actor, devMailbox: boolean): MeView {
  return {
    id: actor.id,
    name: actor.name,
    email: actor.email,
    language: actor.language,
    staffRole: actor.staffRole,
    memberships: actor.memberships,
    devMailbox,
  };
}
