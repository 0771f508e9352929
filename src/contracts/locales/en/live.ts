import type { LiveMessages } from '../pt-BR/live';

export const liveMessages: LiveMessages = {
  live: {
    newerReply: 'A new message arrived on this ticket while you were writing. Read it before sending yours.',
    tooManyStreams: 'Too many tabs are open with live updates. Close some and try again.',
    busy: 'The server holds too many live connections right now. Try again in a moment.',
    presence: {
      alsoHere: 'Also on this ticket:',
      customer: '{{name}} (customer)',
      typing: '{{name}} is replying…',
    },
    newer: {
      title: 'A new message arrived while you were writing',
      hint: 'Read it before sending: it may already answer what you were going to say.',
      sendAnyway: 'Send anyway',
      review: 'Review my reply',
    },
    mention: {
      label: 'Mention in the note',
      hint: "Type @ and the name of an agent of the ticket's group; they are told.",
    },
    notifications: {
      bell: 'Notifications',
      bellUnread: 'Notifications: {{count}} unread',
      bellUnread_one: 'Notifications: {{count}} unread',
      title: 'Notifications',
      markAll: 'Mark all as read',
      empty: 'No notifications.',
      atende: 'Atende',
      preferences: 'Notification preferences',
      preferencesIntro: 'Every notification shows in the bell. Choose which ones also come by e-mail:',
      preferencesSaved: 'Notification preferences saved.',
      kinds: {
        assigned: '{{name}} assigned ticket #{{number}} to you',
        mentioned: '{{name}} mentioned you on ticket #{{number}}',
        customer_replied: '{{name}} replied on ticket #{{number}}',
        sla_warning: 'A target of ticket #{{number}} is due soon',
        sla_breach: 'A target of ticket #{{number}} was breached',
      },
      byMail: {
        assigned: 'A ticket assigned to me',
        mentioned: 'A mention of me in an internal note',
        customer_replied: "A customer's reply on a ticket of mine",
      },
    },
    availability: {
      label: 'I take tickets from automatic assignment',
      available: 'Available',
      away: 'Away',
    },
    assignment: {
      title: 'Automatic assignment',
      mode: 'How new tickets get an agent',
      modes: { manual: 'Manual (whoever takes it)', round_robin: 'Round-robin among those available', least_loaded: 'Least loaded' },
      modesShort: { manual: 'Manual', round_robin: 'Round-robin', least_loaded: 'Least loaded' },
      modeHelp: "Only available agents get tickets; those skilled in the ticket's module come first.",
      cap: 'Most open tickets per agent',
      capHelp: 'Empty: no limit. An agent at the limit gets no more until they close one.',
      column: 'Assignment',
      skills: 'Skills',
      skillsTitle: "{{name}}'s skills",
      skillsField: 'Modules',
      skillsHelp: 'Tickets of these modules go to this agent first, in groups with automatic assignment.',
      skillsSaved: "{{name}}'s skills saved.",
    },
    mail: {
      assigned: '{{actor}} assigned ticket #{{number}} to you.',
      mentioned: '{{author}} mentioned you in an internal note on ticket #{{number}}:',
    },
  },
};
