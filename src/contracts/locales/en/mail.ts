import type { MailMessages } from '../pt-BR/mail';

export const mailMessages: MailMessages = {
  mailbox: {
    title: 'Development mailbox',
    intro: 'Without SMTP_URL, mails stay here instead of being sent.',
    empty: 'No mail.',
    unavailable: 'The development mailbox exists only in demo mode.',
    refresh: 'Refresh',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    createdAt: 'Created at',
    statuses: { pending: 'Pending', sent: 'Sent', failed: 'Failed' },
  },
  mail: {
    test: {
      subject: 'Atende: test e-mail',
      body: 'This is a test e-mail sent from the Atende administration. If you received it, sending mail works.',
    },
    invitation: {
      subject: 'Your access to the Atende portal',
      body: 'You were registered as a contact of {{company}} in the support portal. Set your password with the link below; it is valid for 72 hours and works once.',
      action: 'Set password',
      ignore: 'If you did not expect this invitation, ignore this e-mail.',
    },
    emailChange: {
      subject: 'Confirm your new Atende e-mail',
      body: 'Someone asked that this become the e-mail of your portal account. The change applies only once you confirm.',
      action: 'Confirm e-mail',
      ignore: 'If you do not recognise this request, ignore this e-mail: nothing changes.',
    },
    portalAdmins: {
      subject: "Your company's portal administrators",
      body: 'These are the portal administrators of the companies you belong to:',
      footer: "They register and update the company's contacts in the portal.",
    },
    ticketReply: {
      replied: '{{author}} wrote on ticket #{{number}}:',
      waiting: 'We are waiting for your answer to go on.',
      solution: 'A solution was proposed. Confirm or reject it in the portal.',
      closed: 'Ticket #{{number}} was closed. Tell us how it went: rate it from 1 to 5 in the portal.',
      autoClosed: 'Ticket #{{number}} was closed because the proposed solution was not confirmed within {{days}} days. You can reopen it in the portal.',
      rejected: '{{author}} rejected the proposed solution of ticket #{{number}}:',
      reopened: '{{author}} reopened ticket #{{number}}:',
    },
    greeting: 'Hello, {{name}}',
    footer: 'Atende — customer portal. This e-mail was sent automatically.',
    ticketOpened: {
      bodyRequester: 'Your ticket #{{number}} was opened. Follow it in the portal.',
      bodyCopy: '{{requester}} opened ticket #{{number}} and asked that you receive copies of its interactions.',
      action: 'See the ticket',
    },
    passwordChanged: {
      subject: 'Your Atende password was changed',
      body: 'The password of your portal account was changed on {{time}}, from the IP address {{ip}}.',
      notYou: 'If it was not you, set a new password now at {{forgot}} and tell your company\'s portal administrator.',
      help: 'Need help? The support channels are at {{help}}.',
    },
    emailChangeNotice: {
      subject: 'The e-mail of your Atende account is about to change',
      body: '{{actor}} asked that the e-mail of your portal account change from {{old}} to {{new}}. The change applies once the new address confirms it.',
      undo: 'If you do not recognise this request, undo it with the link below. It is valid for 7 days, also after the confirmation, and ends every open session of your account.',
      action: 'Undo the change',
    },
    emailRestored: {
      subject: 'The e-mail of your Atende account was restored',
      body: 'The change of e-mail was undone and every session of your account ended. As the password was changed after the change, it no longer works: set a new one with the link below, valid for 72 hours and usable once.',
      action: 'Set password',
      ignore: 'If it was not you who undid the change, tell your company\'s portal administrator.',
    },
    companyInvitation: {
      subject: '{{company}} invited you to the Atende portal',
      body: '{{company}} invited you to be one of its contacts on the support portal (sent by {{inviter}}). Sign in to the portal with your usual account to accept or decline.',
      action: 'See the invitation',
      note: 'Until you accept, the company does not see your details and you do not see its tickets.',
    },
    resetPassword: {
      subject: 'Set your Atende password',
      body: 'We received a request to set the password of your account. The link is valid for 1 hour and works once.',
      action: 'Set password',
      ignore: 'If you did not ask for it, ignore this e-mail: your password stays the same.',
    },
  },
};
