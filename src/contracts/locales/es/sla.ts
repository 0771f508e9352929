import type { slaMessages as pt } from '../pt-BR/sla';

export const slaMessages: typeof pt = {
  sla: {
    targets: { first_response: 'Primera respuesta', next_response: 'Próxima respuesta', resolution: 'Solución' },
    states: { running: 'En curso', paused: 'En pausa', met: 'Cumplido', breached: 'Incumplido' },
    mail: {
      warningSubject: 'Plazo a punto de vencer',
      warning: 'El plazo de {{target}} del ticket #{{number}} vence el {{due}}: ya transcurrió el 75%.',
      breachSubject: 'Plazo incumplido',
      breach: 'El plazo de {{target}} del ticket #{{number}} venció el {{due}}.',
      policy: 'Política: {{policy}}.',
    },
  },
};
