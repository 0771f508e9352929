/** A block of a plain-text help article, as the page renders it. */
export type Block =
  | { kind: 'heading'; level: 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: { text: string; target?: string }[] }
  | { kind: 'term'; term: string; text: string };

const letters = /\p{L}/u;
/** A line written in capitals ("SOFTWARE", "1- QUAIS AS CONFIGURAÇÕES…") is a heading. */
const isCaps = (line: string) => letters.test(line) && line === line.toLocaleUpperCase('pt-BR') && line.length <= 160;
const numbered = /^(\d+)\s*-\s*(.+)$/;
/** "1º Passo: …": a step of a procedure. */
const step = /^\d+º\s/;
/** "CATEGORIA:* Poderão ser…", "ATENDIMENTO/DUVIDA/ANALISE -> No caso…": a term in capitals and its meaning. */
const term = /^([\p{Lu}\d][\p{Lu}\d\s/?().,-]*?[\p{Lu})?])\s*(:\*?|\*?:|->)\s*(.+)$/u;
/** The guide's "Figura 2.0" lines point to pictures the stored text does not carry. */
const figure = /^Figura\s+\d+(\.\d+)?$/i;

const normal = (s: string) => s.toLocaleLowerCase('pt-BR').replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * Reads a plain-text article into headings, paragraphs, lists and terms. Numbered lines in
 * capitals are the sections ("1- QUAIS…"); an index line that repeats a section's text
 * links to it.
 */
export function parseArticle(body: string): Block[] {
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !figure.test(l));
  const sections = new Map<string, string>();
  for (const line of lines) {
    const m = numbered.exec(line);
    if (m && isCaps(line)) sections.set(normal(m[2]!), `secao-${m[1]}`);
  }
  const blocks: Block[] = [];
  let inSections = false;
  const pushItem = (ordered: boolean, item: { text: string; target?: string }) => {
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
    else blocks.push({ kind: 'list', ordered, items: [item] });
  };
  lines.forEach((line, index) => {
    // The first line repeats the article's title in capitals: it is the page's heading already.
    if (index === 0 && isCaps(line)) return;
    const n = numbered.exec(line);
    if (isCaps(line) && !term.test(line)) {
      const id = n ? sections.get(normal(n[2]!)) : undefined;
      if (n) inSections = true;
      // Before the first numbered section a heading in capitals is a part of its own ("ÍNDICE").
      blocks.push({ kind: 'heading', level: n || !inSections ? 2 : 3, text: line, id });
      return;
    }
    if (n && /^\d+-\s/.test(line) && !isCaps(line) && sections.has(normal(n[2]!))) {
      pushItem(true, { text: line, target: sections.get(normal(n[2]!)) });
      return;
    }
    if (step.test(line) || /^\d+\s*-\s/.test(line)) {
      pushItem(true, { text: line });
      return;
    }
    const t = term.exec(line);
    if (t && t[1]!.length >= 3) {
      blocks.push({ kind: 'term', term: t[1]!.trim(), text: t[3]!.trim() });
      return;
    }
    blocks.push({ kind: 'paragraph', text: line });
  });
  return blocks;
}

/** Splits a text around web addresses, for links. */
export function linkify(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let rest = text;
  const url = /https?:\/\/[^\s)]+[^\s).,;]/;
  for (let m = url.exec(rest); m; m = url.exec(rest)) {
    if (m.index > 0) parts.push({ text: rest.slice(0, m.index) });
    parts.push({ text: m[0], href: m[0] });
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) parts.push({ text: rest });
  return parts;
}
