/** Live updates, presence, notifications and assignment. */
export const liveMessages = {
  live: {
    newerReply: 'Chegou uma nova mensagem neste chamado enquanto você escrevia. Leia-a antes de enviar a sua.',
    tooManyStreams: 'Há abas demais abertas com atualizações ao vivo. Feche algumas e tente de novo.',
    busy: 'O servidor está com conexões ao vivo demais agora. Tente de novo em instantes.',
    presence: {
      alsoHere: 'Também neste chamado:',
      customer: '{{name}} (cliente)',
      typing: '{{name}} está respondendo…',
    },
    newer: {
      title: 'Chegou uma nova mensagem enquanto você escrevia',
      hint: 'Leia-a antes de enviar: talvez ela já responda o que você ia dizer.',
      sendAnyway: 'Enviar mesmo assim',
      review: 'Revisar minha resposta',
    },
    mention: {
      label: 'Mencionar na nota',
      hint: 'Digite @ e o nome de um analista do grupo do chamado; ele é avisado.',
    },
    notifications: {
      bell: 'Notificações',
      bellUnread: 'Notificações: {{count}} não lidas',
      bellUnread_one: 'Notificações: {{count}} não lida',
      title: 'Notificações',
      markAll: 'Marcar todas como lidas',
      empty: 'Nenhuma notificação.',
      atende: 'O Atende',
      preferences: 'Preferências de notificação',
      preferencesIntro: 'Todas as notificações aparecem no sino. Escolha quais também chegam por e-mail:',
      preferencesSaved: 'Preferências de notificação salvas.',
      kinds: {
        assigned: '{{name}} atribuiu o chamado #{{number}} a você',
        mentioned: '{{name}} mencionou você no chamado #{{number}}',
        customer_replied: '{{name}} respondeu no chamado #{{number}}',
        sla_warning: 'Um prazo do chamado #{{number}} está perto de vencer',
        sla_breach: 'Um prazo do chamado #{{number}} foi violado',
      },
      byMail: {
        assigned: 'Um chamado atribuído a mim',
        mentioned: 'Uma menção a mim numa nota interna',
        customer_replied: 'A resposta de um cliente num chamado meu',
      },
    },
    availability: {
      label: 'Recebo chamados da atribuição automática',
      available: 'Disponível',
      away: 'Ausente',
    },
    assignment: {
      title: 'Atribuição automática',
      mode: 'Como os chamados novos recebem um analista',
      modes: { manual: 'Manual (quem assume)', round_robin: 'Rodízio entre os disponíveis', least_loaded: 'Menor carga' },
      modesShort: { manual: 'Manual', round_robin: 'Rodízio', least_loaded: 'Menor carga' },
      modeHelp: 'Só analistas disponíveis recebem; os que têm a habilidade do módulo do chamado vêm primeiro.',
      cap: 'Máximo de chamados abertos por analista',
      capHelp: 'Em branco: sem limite. Quem chegou ao máximo não recebe mais até encerrar algum.',
      column: 'Atribuição',
      skills: 'Habilidades',
      skillsTitle: 'Habilidades de {{name}}',
      skillsField: 'Módulos',
      skillsHelp: 'Chamados destes módulos vão primeiro para este analista, nos grupos com atribuição automática.',
      skillsSaved: 'Habilidades de {{name}} salvas.',
    },
    mail: {
      assigned: '{{actor}} atribuiu o chamado #{{number}} a você.',
      mentioned: '{{author}} mencionou você numa nota interna do chamado #{{number}}:',
    },
  },
};

export type LiveMessages = typeof liveMessages;
