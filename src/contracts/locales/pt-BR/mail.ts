export const mailMessages = {
  mailbox: {
    title: 'Caixa de e-mails de desenvolvimento',
    intro: 'Sem SMTP_URL, os e-mails ficam aqui em vez de serem enviados.',
    empty: 'Nenhum e-mail.',
    unavailable: 'A caixa de e-mails de desenvolvimento só existe no modo de demonstração.',
    refresh: 'Atualizar',
    to: 'Para',
    subject: 'Assunto',
    status: 'Situação',
    createdAt: 'Criado em',
    statuses: { pending: 'Pendente', sent: 'Enviado', failed: 'Falhou' },
  },
  mail: {
    test: {
      subject: 'Atende: e-mail de teste',
      body: 'Este é um e-mail de teste enviado pela administração do Atende. Se você o recebeu, o envio de e-mails está funcionando.',
    },
    invitation: {
      subject: 'Seu acesso ao portal Atende',
      body: 'Você foi cadastrado como contato de {{company}} no portal de atendimento. Defina a sua senha pelo link abaixo; ele vale por 72 horas e pode ser usado uma única vez.',
      action: 'Definir senha',
      ignore: 'Se você não esperava este convite, ignore este e-mail.',
    },
    emailChange: {
      subject: 'Confirme o seu novo e-mail no Atende',
      body: 'Pediram que este passe a ser o e-mail da sua conta no portal. A troca só vale depois que você confirmar.',
      action: 'Confirmar e-mail',
      ignore: 'Se você não reconhece este pedido, ignore este e-mail: nada muda.',
    },
    portalAdmins: {
      subject: 'Os administradores de portal da sua empresa',
      body: 'Estes são os administradores de portal das empresas às quais você pertence:',
      footer: 'Eles cadastram e atualizam os contatos da empresa no portal.',
    },
    ticketReply: {
      replied: '{{author}} escreveu no chamado #{{number}}:',
      waiting: 'Aguardamos a sua resposta para continuar o atendimento.',
      solution: 'Foi proposta uma solução. Confirme-a ou rejeite-a pelo portal.',
      closed: 'O chamado #{{number}} foi encerrado. Conte-nos como foi o atendimento: avalie-o de 1 a 5 pelo portal.',
      autoClosed: 'O chamado #{{number}} foi encerrado porque a solução proposta não foi confirmada em {{days}} dias. Você pode reabri-lo pelo portal.',
      rejected: '{{author}} rejeitou a solução proposta do chamado #{{number}}:',
      reopened: '{{author}} reabriu o chamado #{{number}}:',
    },
    greeting: 'Olá, {{name}}',
    footer: 'Atende — portal do cliente. Este e-mail foi enviado automaticamente.',
    ticketOpened: {
      bodyRequester: 'Seu chamado #{{number}} foi aberto. Acompanhe o atendimento pelo portal.',
      bodyCopy: '{{requester}} abriu o chamado #{{number}} e pediu que você recebesse cópias das interações.',
      action: 'Ver o chamado',
    },
    passwordChanged: {
      subject: 'A senha da sua conta no Atende foi alterada',
      body: 'A senha da sua conta no portal foi alterada em {{time}}, a partir do endereço IP {{ip}}.',
      notYou: 'Se não foi você, defina uma nova senha agora em {{forgot}} e avise o administrador de portal da sua empresa.',
      help: 'Precisa de ajuda? Veja os canais de atendimento em {{help}}.',
    },
    emailChangeNotice: {
      subject: 'O e-mail da sua conta no Atende vai mudar',
      body: '{{actor}} pediu que o e-mail da sua conta no portal passe de {{old}} para {{new}}. A troca vale depois que o novo endereço confirmar.',
      undo: 'Se você não reconhece este pedido, desfaça-o pelo link abaixo. Ele vale por 7 dias, também depois da confirmação, e encerra todas as sessões abertas da sua conta.',
      action: 'Desfazer a troca',
    },
    emailRestored: {
      subject: 'O e-mail da sua conta no Atende foi restaurado',
      body: 'A troca de e-mail foi desfeita e todas as sessões da sua conta terminaram. Como a senha foi alterada depois da troca, ela deixou de valer: defina uma nova pelo link abaixo, que vale por 72 horas e pode ser usado uma única vez.',
      action: 'Definir senha',
      ignore: 'Se não foi você quem desfez a troca, avise o administrador de portal da sua empresa.',
    },
    companyInvitation: {
      subject: '{{company}} convidou você para o portal Atende',
      body: '{{company}} convidou você para ser contato da empresa no portal de atendimento (convite enviado por {{inviter}}). Entre no portal com a sua conta de sempre para aceitar ou recusar.',
      action: 'Ver o convite',
      note: 'Enquanto você não aceitar, a empresa não vê os seus dados e você não vê os chamados dela.',
    },
    resetPassword: {
      subject: 'Definir a sua senha do Atende',
      body: 'Recebemos um pedido para definir a senha da sua conta. O link vale por 1 hora e pode ser usado uma única vez.',
      action: 'Definir senha',
      ignore: 'Se você não pediu, ignore este e-mail: sua senha continua a mesma.',
    },
  },
};

export type MailMessages = typeof mailMessages;
