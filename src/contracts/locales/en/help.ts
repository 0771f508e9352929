import type { HelpMessages } from '../pt-BR/help';

export const helpMessages: HelpMessages = {
  help: {
    articleMissing: 'This article does not exist or was removed. Go back to help to see the articles available.',
    title: 'Support channels',
    intro: 'Need help to access the portal or open a ticket? Reach us through the channels below.',
    nav: { section: 'Help' },
    channels: 'Talk to us',
    noChannels: 'No support channels yet.',
    call: 'Call {{phone}}',
    callOption: 'Call {{phone}} and press option {{option}}',
    option: 'option {{option}}',
    openSite: 'Open the website',
    adminTitle: "Don't know who your company's portal administrator is?",
    adminAction: 'Get the names by e-mail',
    adminIntro: "They are the ones who give you access. Enter your e-mail and, if you have access to the portal, we'll send you the administrators' names.",
    articles: 'Guides',
    inLanguage: 'This guide is written in {{language}}.',
  },
};
