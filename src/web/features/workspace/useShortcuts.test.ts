import { describe, expect, it } from 'vitest';
import { keyName } from './useShortcuts';

describe('shortcut key names', () => {
  it.each([
    [{ key: 'x', shiftKey: false }, 'x'],
    [{ key: 'X', shiftKey: true }, 'Shift+x'],
    // Caps Lock alone is not Shift.
    [{ key: 'X', shiftKey: false }, 'x'],
    [{ key: '?', shiftKey: true }, '?'],
    [{ key: '*', shiftKey: true }, '*'],
    [{ key: '#', shiftKey: true }, '#'],
    [{ key: '/', shiftKey: false }, '/'],
    [{ key: 'ArrowDown', shiftKey: false }, 'ArrowDown'],
    [{ key: 'Escape', shiftKey: false }, 'Escape'],
    [{ key: 'ç', shiftKey: false }, 'ç'],
  ])('%o is %s', (event, name) => expect(keyName(event)).toBe(name));
});
