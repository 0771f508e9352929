import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkify, parseArticle } from './article';

const guide = fs.readFileSync(new URL('../../../server/demo/portal-guide.pt-BR.txt', import.meta.url), 'utf8');

describe('parseArticle', () => {
  const blocks = parseArticle(guide);

  it('makes the numbered sections headings with anchors, and links the index to them', () => {
    const sections = blocks.filter((b) => b.kind === 'heading' && b.level === 2 && b.id);
    expect(sections.map((b) => b.kind === 'heading' && b.id)).toEqual(['secao-1', 'secao-2', 'secao-3', 'secao-4', 'secao-5']);
    const index = blocks.find((b) => b.kind === 'list');
    expect(index?.kind === 'list' && index.items.map((i) => i.target)).toEqual(['secao-1', 'secao-2', 'secao-3', 'secao-4', 'secao-5']);
  });

  it('skips the repeated title and the figure captions whose pictures the text does not carry', () => {
    const texts = blocks.map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''));
    expect(texts).not.toContain('DICAS E SOLUÇÕES PARA ABERTURA DE CHAMADOS NO PORTAL DE CLIENTES TOTVS');
    expect(texts.some((t) => /^Figura \d/.test(t))).toBe(false);
  });

  it("reads the form's fields as terms with their meaning", () => {
    const terms = blocks.filter((b) => b.kind === 'term');
    expect(terms).toContainEqual({ kind: 'term', term: 'PAÍS DE PROCEDÊNCIA', text: 'País de Localização da Empresa.' });
    expect(terms).toContainEqual({ kind: 'term', term: 'CRITICIDADE', text: 'Campo com edição não disponível. Calculado automaticamente pelo sistema.' });
  });

  it('keeps the steps of a procedure as one ordered list', () => {
    const steps = blocks.find((b) => b.kind === 'list' && b.items[0]?.text.startsWith('1º Passo'));
    expect(steps?.kind === 'list' && steps.items).toHaveLength(2);
  });

  it('turns plain lines into paragraphs', () => {
    expect(parseArticle('Primeira linha.\n\nSegunda linha.')).toEqual([
      { kind: 'paragraph', text: 'Primeira linha.' },
      { kind: 'paragraph', text: 'Segunda linha.' },
    ]);
  });
});

describe('linkify', () => {
  it('splits web addresses out of a sentence, without the punctuation after them', () => {
    expect(linkify('Acesse o link http://suporte.totvs.com;')).toEqual([
      { text: 'Acesse o link ' },
      { text: 'http://suporte.totvs.com', href: 'http://suporte.totvs.com' },
      { text: ';' },
    ]);
  });
});
