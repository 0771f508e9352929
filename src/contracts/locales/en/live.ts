import type { LiveMessages } from '../pt-BR/live';

export const liveMessages: LiveMessages = {
  live: {
    newerReply: 'A new message arrived on this ticket while you were writing. Read it before sending yours.',
    tooManyStreams: 'Too many tabs are open with live updates. Close some and try again.',
    busy: 'The server holds too many live connections right now. Try again in a moment.',
    mail: {
      assigned: '{{actor}} assigned ticket #{{number}} to you.',
      mentioned: '{{author}} mentioned you in an internal note on ticket #{{number}}:',
    },
  },
};
