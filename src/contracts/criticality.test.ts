import { describe, expect, it } from 'vitest';
import { computeCriticality, defaultMatrix, describeCriticality, grades, lowerOf, type Grade, type Level } from './criticality';
import { translate } from './i18n';

const effects: Record<string, Grade> = {
  'Sistema parado': 'high',
  'Processo parado sem alternativa': 'high',
  'Processo parado com alternativa de contorno': 'medium',
  'Inconsistência em processo': 'medium',
  'Dúvida / não impede a operação': 'low',
};
const origins: Record<string, Grade> = {
  'Cliente em produção': 'high',
  'Cliente em fase de implantação': 'medium',
  'Cliente em análise de nova versão': 'low',
  'Cliente beta ou piloto': 'low',
};
/** product.md §3, row by row: impact (origin) × urgency (effect). */
const expected: Record<Grade, Record<Grade, Level>> = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'planning' },
};
const caps: Record<string, Level | null> = {
  'Atendimento/Dúvida/Análise': null,
  'Não-conformidade': null,
  Consultoria: 'medium',
  'Sugestão de melhorias': 'planning',
  'Solicitação de customização': 'planning',
};

describe('criticality over the whole default matrix', () => {
  const rows = Object.entries(effects).flatMap(([effect, urgency]) =>
    Object.entries(origins).flatMap(([origin, impact]) =>
      Object.entries(caps).map(([category, cap]) => ({ effect, urgency, origin, impact, category, cap })),
    ),
  );

  it.each(rows)('$effect × $origin × $category', ({ effect, urgency, origin, impact, category, cap }) => {
    const result = computeCriticality({ effect: { name: effect, urgency }, origin: { name: origin, impact }, category: { name: category, cap } });
    const fromMatrix = expected[impact][urgency];
    expect(result.level).toBe(cap ? lowerOf(fromMatrix, cap) : fromMatrix);
    expect(result.urgency).toBe(urgency);
    expect(result.impact).toBe(impact);
    expect(Boolean(result.cappedBy)).toBe(result.level !== fromMatrix);
  });

  it('uses the matrix the administrator edited', () => {
    const matrix = structuredClone(defaultMatrix);
    matrix.high.medium = 'critical';
    const r = computeCriticality(
      { effect: { name: 'e', urgency: 'medium' }, origin: { name: 'o', impact: 'high' }, category: { name: 'c', cap: null } },
      matrix,
    );
    expect(r.level).toBe('critical');
  });

  it('never raises a level through a cap', () => {
    for (const impact of grades) for (const urgency of grades) {
      const r = computeCriticality({ effect: { name: 'e', urgency }, origin: { name: 'o', impact }, category: { name: 'Consultoria', cap: 'medium' } });
      expect(['medium', 'low', 'planning']).toContain(r.level);
    }
  });
});

describe('the reason in words', () => {
  const t = (lang: 'pt-BR' | 'en' | 'es') => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);

  it('reads as the guide would put it', () => {
    const r = computeCriticality({
      effect: { name: 'Processo parado com alternativa de contorno', urgency: 'medium' },
      origin: { name: 'Cliente em produção', impact: 'high' },
      category: { name: 'Não-conformidade', cap: null },
    });
    expect(describeCriticality(r, t('pt-BR'))).toBe(
      "Alta: Efeito 'Processo parado com alternativa de contorno' → urgência média; Origem 'Cliente em produção' → impacto alto",
    );
  });

  it('names the category that capped it, in every language', () => {
    const r = computeCriticality({
      effect: { name: 'Sistema parado', urgency: 'high' },
      origin: { name: 'Cliente em produção', impact: 'high' },
      category: { name: 'Sugestão de melhorias', cap: 'planning' },
    });
    expect(describeCriticality(r, t('pt-BR'))).toMatch(/^Planejamento: .*Sugestão de melhorias/);
    expect(describeCriticality(r, t('en'))).toMatch(/^Planning: .*Sugestão de melhorias/);
    expect(describeCriticality(r, t('es'))).toMatch(/^Planificación: .*Sugestão de melhorias/);
  });
});
