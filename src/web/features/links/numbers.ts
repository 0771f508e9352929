/** Ticket numbers typed as "120, 121 130" or "#120;#121" (each once, in order), or undefined when anything else is there. */
export function parseNumbers(text: string): number[] | undefined {
  const parts = text.split(/[\s,;]+/).map((p) => p.replace(/^#/, '')).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^[1-9]\d{0,9}$/.test(p))) return undefined;
  return [...new Set(parts.map(Number))];
}
