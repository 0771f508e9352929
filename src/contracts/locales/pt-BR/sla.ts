export const slaMessages = {
  sla: {
    targets: { first_response: 'Primeira resposta', next_response: 'Próxima resposta', resolution: 'Solução' },
    states: { running: 'Em curso', paused: 'Pausado', met: 'Cumprido', breached: 'Violado' },
    mail: {
      warningSubject: 'Prazo perto de vencer',
      warning: 'O prazo de {{target}} do chamado #{{number}} vence em {{due}}: já correram 75% dele.',
      breachSubject: 'Prazo violado',
      breach: 'O prazo de {{target}} do chamado #{{number}} venceu em {{due}}.',
      policy: 'Política: {{policy}}.',
    },
  },
};
