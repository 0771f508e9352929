import type { LiveMessages } from '../pt-BR/live';

export const liveMessages: LiveMessages = {
  live: {
    newerReply: 'Llegó un nuevo mensaje a este ticket mientras escribía. Léalo antes de enviar el suyo.',
    tooManyStreams: 'Hay demasiadas pestañas abiertas con actualizaciones en vivo. Cierre algunas e intente de nuevo.',
    busy: 'El servidor tiene demasiadas conexiones en vivo ahora. Intente de nuevo en unos instantes.',
    mail: {
      assigned: '{{actor}} le asignó el ticket #{{number}}.',
      mentioned: '{{author}} lo mencionó en una nota interna del ticket #{{number}}:',
    },
  },
};
