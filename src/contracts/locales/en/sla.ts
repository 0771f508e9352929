import type { slaMessages as pt } from '../pt-BR/sla';

export const slaMessages: typeof pt = {
  sla: {
    targets: { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' },
    states: { running: 'Running', paused: 'Paused', met: 'Met', breached: 'Breached' },
    mail: {
      warningSubject: 'Target due soon',
      warning: 'The {{target}} target of ticket #{{number}} falls due at {{due}}: 75% of it has run.',
      breachSubject: 'Target breached',
      breach: 'The {{target}} target of ticket #{{number}} fell due at {{due}}.',
      policy: 'Policy: {{policy}}.',
    },
  },
};
