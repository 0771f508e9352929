/** Live updates, presence, notifications and assignment. */
export const liveMessages = {
  live: {
    newerReply: 'Chegou uma nova mensagem neste chamado enquanto você escrevia. Leia-a antes de enviar a sua.',
    tooManyStreams: 'Há abas demais abertas com atualizações ao vivo. Feche algumas e tente de novo.',
    busy: 'O servidor está com conexões ao vivo demais agora. Tente de novo em instantes.',
    mail: {
      assigned: '{{actor}} atribuiu o chamado #{{number}} a você.',
      mentioned: '{{author}} mencionou você numa nota interna do chamado #{{number}}:',
    },
  },
};

export type LiveMessages = typeof liveMessages;
