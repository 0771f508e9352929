export const helpMessages = {
  help: {
    articleMissing: 'Este artigo não existe ou foi retirado. Volte à ajuda para ver os artigos disponíveis.',
    title: 'Canais de atendimento',
    intro: 'Precisa de ajuda para acessar o portal ou abrir um chamado? Fale com a gente pelos canais abaixo.',
    nav: { section: 'Ajuda' },
    channels: 'Fale com a gente',
    noChannels: 'Nenhum canal de atendimento cadastrado.',
    call: 'Ligar para {{phone}}',
    callOption: 'Ligue {{phone}} e digite a opção {{option}}',
    option: 'opção {{option}}',
    openSite: 'Abrir o site',
    adminTitle: 'Não sabe quem é o administrador do portal da sua empresa?',
    adminAction: 'Receber os nomes por e-mail',
    adminIntro: 'É ele quem cadastra o seu acesso. Informe o seu e-mail e, se você tiver acesso ao portal, enviaremos os nomes dos administradores.',
    articles: 'Guias',
    inLanguage: 'Este guia está escrito em {{language}}.',
  },
};

export type HelpMessages = typeof helpMessages;
