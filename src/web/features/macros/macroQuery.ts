/** The `/word` being typed where the caret is, at a line's start or after a space: where it starts and what follows the `/`. */
export function macroQueryAt(body: string, caret: number): { start: number; typed: string } | null {
  const match = /(^|\s)\/([^\s/]*)$/u.exec(body.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, typed: match[2]! } : null;
}
