/** ITIL-style criticality: the effect gives the urgency, the origin gives the impact, the matrix the level. */

export const levels = ['critical', 'high', 'medium', 'low', 'planning'] as const;
export type Level = (typeof levels)[number];
export const grades = ['high', 'medium', 'low'] as const;
/** Urgency (from the effect) and impact (from the origin) share one scale. */
export type Grade = (typeof grades)[number];

/** impact → urgency → level, as the system administrator set it. */
export type Matrix = Record<Grade, Record<Grade, Level>>;

/** product.md §3's default matrix. */
export const defaultMatrix: Matrix = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'planning' },
};

export type CriticalityInput = {
  effect: { name: string; urgency: Grade };
  origin: { name: string; impact: Grade };
  category: { name: string; cap: Level | null };
};

export type Criticality = {
  level: Level;
  urgency: Grade;
  impact: Grade;
  /** Set when the category lowered the level the matrix gave. */
  cappedBy?: { category: string; from: Level };
  effect: string;
  origin: string;
};

/** The lower (less severe) of two levels. */
export function lowerOf(a: Level, b: Level): Level {
  return levels.indexOf(a) >= levels.indexOf(b) ? a : b;
}

/** Computes the level and what it came from; the server runs it again and ignores any level sent. */
export function computeCriticality(input: CriticalityInput, matrix: Matrix = defaultMatrix): Criticality {
  const { urgency } = input.effect;
  const { impact } = input.origin;
  const fromMatrix = matrix[impact][urgency];
  const level = input.category.cap ? lowerOf(fromMatrix, input.category.cap) : fromMatrix;
  return {
    level,
    urgency,
    impact,
    effect: input.effect.name,
    origin: input.origin.name,
    ...(level !== fromMatrix ? { cappedBy: { category: input.category.name, from: fromMatrix } } : {}),
  };
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The reason in words, e.g. "Alta: Efeito 'Processo parado com alternativa de contorno' →
 * urgência média; Origem 'Cliente em produção' → impacto alto".
 */
export function describeCriticality(c: Criticality, t: Translate): string {
  const parts = [
    t('criticality.reasonEffect', { effect: c.effect, urgency: t(`criticality.urgency.${c.urgency}`) }),
    t('criticality.reasonOrigin', { origin: c.origin, impact: t(`criticality.impact.${c.impact}`) }),
  ];
  if (c.cappedBy) parts.push(t('criticality.reasonCap', { category: c.cappedBy.category, level: t(`criticality.levels.${c.level}`) }));
  return `${t(`criticality.levels.${c.level}`)}: ${parts.join('; ')}`;
}
