import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The folder this file sits in: every .ts and .tsx below it is read. */
const root = path.dirname(new URL(import.meta.url).pathname);

/** Every TypeScript source below `dir`, tests included (a test's imports can close a circle too). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names, as the bundler resolves it; undefined for anything else (a stylesheet, a package). */
function resolve(from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  // `./x.js` may name `./x.ts` under ESM-style specifiers.
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.[cm]?js$/, '.ts'), base.replace(/\.[cm]?js$/, '.tsx'));
  return candidates.find((candidate) => known.has(candidate));
}

/**
 * What a source imports: `import … from`, `export … from`, side-effect imports and dynamic
 * `import()`; type-only imports count too (a circle of types is still a circle to read).
 */
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
}

/** Who imports whom among `files`, by absolute path. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiers(fs.readFileSync(file, 'utf8'))
      .map((specifier) => resolve(file, specifier, known))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * One circle for each group of files that reach each other (Tarjan's strongly connected
 * components), each as the path from its first file back to it; an empty list when there is none.
 */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  // Within a group every file reaches every other: the shortest way from its first file back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    while (queue.length) {
      const node = queue.shift()!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          const cycle = [node];
          while (cycle[0] !== start) cycle.unshift(cameFrom.get(cycle[0]!)!);
          return [...cycle, start];
        }
        if (!cameFrom.has(next)) {
          cameFrom.set(next, node);
          queue.push(next);
        }
      }
    }
    return [start, start];
  });
}

describe('import circles', () => {
  it('finds a circle and names each file on it', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c', 'a'], ['e', 'e']]);
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('reads static, re-exported, type-only, side-effect and dynamic imports, not comments or strings', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "import './e.css';",
      "const F = lazy(() => import('./f'));",
      '// import { g } from "./g";',
      "const text = 'import { h } from \"./h\"';",
    ].join('\n');
    expect(specifiers(source)).toEqual(['./a', '../b', './c', './d', './e.css', './f']);
  });

  it('resolves the relative imports of every source under src/ to files', () => {
    const graph = importGraph(sources(root));
    const edges = (file: string) => (graph.get(path.join(root, file)) ?? []).map((target) => path.relative(root, target));
    expect(edges('web/main.tsx')).toEqual(expect.arrayContaining(['web/app/providers.tsx', 'web/app/router.tsx']));
    expect(edges('server/db/text-search.ts')).toEqual(['server/db/dialect.ts']);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('has none in src/', () => {
    const cycles = importCycles(importGraph(sources(root))).map((cycle) => cycle.map((file) => path.relative(root, file)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
