import type { AuthMessages } from '../pt-BR/auth';

export const authMessages: AuthMessages = {
  login: {
    title: 'Sign in to the portal',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'I forgot my password',
    invalid: 'Invalid e-mail or password.',
    help: 'Support channels',
    lookup: {
      link: "Don't know who your portal administrator is?",
      title: 'Who is the portal administrator?',
      intro: "Your company's portal administrator gives you access. Enter your e-mail: if it has access to the portal, we will send it the names of your companies' portal administrators.",
      submit: 'Send',
      sent: "Done. If this e-mail has access to the portal, we sent it the names of the company's portal administrators.",
      stillNoAnswer: 'Nothing after a few minutes? See the support channels.',
    },
  },
  forgot: {
    title: 'Forgot password',
    intro: 'Enter your e-mail. If it has access to the portal, you will receive a link to set a new password.',
    submit: 'Send link',
    sent: 'If the e-mail has access to the portal, we sent a link to set a new password. It is valid for 1 hour.',
    back: 'Back to sign in',
  },
  reset: {
    title: 'Set password',
    password: 'New password',
    confirm: 'Confirm the new password',
    submit: 'Save password',
    done: 'Password set. Sign in with the new password.',
    invalidToken: 'This link is invalid, was already used or has expired. Ask for a new one.',
    requestNew: 'Ask for a new link',
  },
  setup: {
    title: 'Create the first system administrator',
    intro: 'This link works once. Create the account that will administer Atende.',
    name: 'Name',
    email: 'E-mail',
    password: 'Password',
    submit: 'Create administrator',
    done: 'Administrator created. Sign in with your e-mail and password.',
    invalidToken: 'This link is invalid, was already used or has expired.',
  },
};
