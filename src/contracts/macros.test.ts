import { describe, expect, it } from 'vitest';
import { fillVariables, macroVariables, unknownVariables, type MacroVariable } from './macros';

const values = Object.fromEntries(macroVariables.map((name) => [name, `<${name}>`])) as Record<MacroVariable, string>;

describe('macro variables', () => {
  it('names each unknown placeholder once, in order, spaces inside the braces allowed', () => {
    expect(unknownVariables('Oi {{ requester.firstName }}, {{ticket.nmber}} {{x}} {{ticket.nmber}}')).toEqual(['ticket.nmber', 'x']);
    expect(unknownVariables('Sem variáveis { nem } {{}}')).toEqual(['']);
    expect(unknownVariables(macroVariables.map((v) => `{{${v}}}`).join(' '))).toEqual([]);
  });

  it('fills every known variable and leaves anything else as written', () => {
    expect(fillVariables('#{{ticket.number}} de {{ requester.firstName }} ({{company.name}}) — {{agent.firstName}}', values)).toBe(
      '#<ticket.number> de <requester.firstName> (<company.name>) — <agent.firstName>',
    );
    expect(fillVariables('{{nope}} e {chaves}', values)).toBe('{{nope}} e {chaves}');
    // A value is never read again as a template.
    expect(fillVariables('{{ticket.summary}}', { ...values, 'ticket.summary': '{{agent.name}}' })).toBe('{{agent.name}}');
  });
});
