import { describe, expect, it } from 'vitest';
import { macroQueryAt } from './macroQuery';

describe('the reply box’s macro query', () => {
  it('is a / at a line’s start or after a space, up to the caret', () => {
    expect(macroQueryAt('/pedir', 6)).toEqual({ start: 0, typed: 'pedir' });
    expect(macroQueryAt('Olá\n/log', 8)).toEqual({ start: 4, typed: 'log' });
    expect(macroQueryAt('Olá /', 5)).toEqual({ start: 4, typed: '' });
    expect(macroQueryAt('/pedir o log', 6)).toEqual({ start: 0, typed: 'pedir' });
  });

  it('is nothing inside a word, a path or after a space following it', () => {
    expect(macroQueryAt('e/ou', 4)).toBeNull();
    expect(macroQueryAt('/var/log', 8)).toBeNull();
    expect(macroQueryAt('/pedir o', 8)).toBeNull();
  });
});
