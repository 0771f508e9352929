import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/auth.actor';
import { mayEditMacro, maySeeMacro, type MacroScope } from './macros.policy';

const actor = (id: string, staffRole: Actor['staffRole'], groupIds: number[] = []): Actor => ({ id, name: id, email: `${id}@x`, language: 'pt-BR', staffRole, memberships: [], groupIds });
const admin = actor('admin', 'admin');
const owner = actor('owner', 'agent', [1]);
const colleague = actor('colleague', 'agent', [1]);
const other = actor('other', 'agent', [2]);
const customer = actor('customer', null);

const personal: MacroScope = { owner_id: 'owner', share: 'personal', group_id: null };
const group: MacroScope = { owner_id: 'owner', share: 'group', group_id: 1 };
const all: MacroScope = { owner_id: 'admin', share: 'all', group_id: null };

describe('macros policy', () => {
  it.each([
    // actor, macro, sees, edits
    [owner, personal, true, true],
    [colleague, personal, false, false],
    [admin, personal, false, false],
    [customer, personal, false, false],
    [owner, group, true, true],
    [colleague, group, true, false],
    [other, group, false, false],
    [admin, group, true, true],
    [customer, group, false, false],
    [owner, all, true, false],
    [other, all, true, false],
    [admin, all, true, true],
    [customer, all, false, false],
  ] as const)('%#: %s on a %s macro', (who, macro, sees, edits) => {
    expect(maySeeMacro(who, macro)).toBe(sees);
    expect(mayEditMacro(who, macro)).toBe(edits);
  });
});
