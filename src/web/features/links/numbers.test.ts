import { describe, expect, it } from 'vitest';
import { parseNumbers } from './numbers';

describe('ticket numbers typed in a list', () => {
  it('reads commas, spaces, lines, semicolons and "#", each number once', () => {
    expect(parseNumbers('120, 121 130\n#131;120')).toEqual([120, 121, 130, 131]);
  });

  it('refuses anything that is not a ticket number', () => {
    for (const text of ['', '  ', '12a', '0', '-3', '1.5', '12345678901']) expect(parseNumbers(text), text).toBeUndefined();
  });
});
