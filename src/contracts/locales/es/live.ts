import type { LiveMessages } from '../pt-BR/live';

export const liveMessages: LiveMessages = {
  live: {
    newerReply: 'Llegó un nuevo mensaje a este ticket mientras escribía. Léalo antes de enviar el suyo.',
    tooManyStreams: 'Hay demasiadas pestañas abiertas con actualizaciones en vivo. Cierre algunas e intente de nuevo.',
    busy: 'El servidor tiene demasiadas conexiones en vivo ahora. Intente de nuevo en unos instantes.',
    presence: {
      alsoHere: 'También en este ticket:',
      customer: '{{name}} (cliente)',
      typing: '{{name}} está respondiendo…',
    },
    newer: {
      title: 'Llegó un nuevo mensaje mientras escribía',
      hint: 'Léalo antes de enviar: quizá ya responda lo que iba a decir.',
      sendAnyway: 'Enviar de todos modos',
      review: 'Revisar mi respuesta',
    },
    mention: {
      label: 'Mencionar en la nota',
      hint: 'Escriba @ y el nombre de un analista del grupo del ticket; se le avisa.',
    },
    notifications: {
      bell: 'Notificaciones',
      bellUnread: 'Notificaciones: {{count}} sin leer',
      bellUnread_one: 'Notificaciones: {{count}} sin leer',
      title: 'Notificaciones',
      markAll: 'Marcar todas como leídas',
      empty: 'Ninguna notificación.',
      atende: 'Atende',
      preferences: 'Preferencias de notificación',
      preferencesIntro: 'Todas las notificaciones aparecen en la campana. Elija cuáles llegan también por correo:',
      preferencesSaved: 'Preferencias de notificación guardadas.',
      kinds: {
        assigned: '{{name}} le asignó el ticket #{{number}}',
        mentioned: '{{name}} lo mencionó en el ticket #{{number}}',
        customer_replied: '{{name}} respondió en el ticket #{{number}}',
        sla_warning: 'Un plazo del ticket #{{number}} está por vencer',
        sla_breach: 'Un plazo del ticket #{{number}} se incumplió',
      },
      byMail: {
        assigned: 'Un ticket asignado a mí',
        mentioned: 'Una mención a mí en una nota interna',
        customer_replied: 'La respuesta de un cliente en un ticket mío',
      },
    },
    availability: {
      label: 'Recibo tickets de la asignación automática',
      available: 'Disponible',
      away: 'Ausente',
    },
    assignment: {
      title: 'Asignación automática',
      mode: 'Cómo reciben un analista los tickets nuevos',
      modes: { manual: 'Manual (quien lo toma)', round_robin: 'Rotación entre los disponibles', least_loaded: 'Menor carga' },
      modesShort: { manual: 'Manual', round_robin: 'Rotación', least_loaded: 'Menor carga' },
      modeHelp: 'Solo reciben analistas disponibles; primero los que tienen la habilidad del módulo del ticket.',
      cap: 'Máximo de tickets abiertos por analista',
      capHelp: 'En blanco: sin límite. Quien llegó al máximo no recibe más hasta cerrar alguno.',
      column: 'Asignación',
      skills: 'Habilidades',
      skillsTitle: 'Habilidades de {{name}}',
      skillsField: 'Módulos',
      skillsHelp: 'Los tickets de estos módulos van primero a este analista, en los grupos con asignación automática.',
      skillsSaved: 'Habilidades de {{name}} guardadas.',
    },
    mail: {
      assigned: '{{actor}} le asignó el ticket #{{number}}.',
      mentioned: '{{author}} lo mencionó en una nota interna del ticket #{{number}}:',
    },
  },
};
