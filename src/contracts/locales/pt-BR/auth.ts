export const authMessages = {
  login: {
    title: 'Acesse o portal',
    email: 'E-mail',
    password: 'Senha',
    submit: 'Entrar',
    forgot: 'Esqueci minha senha',
    invalid: 'E-mail ou senha inválidos.',
    help: 'Canais de atendimento',
    lookup: {
      link: 'Não sabe quem é o administrador do portal?',
      title: 'Quem é o administrador do portal?',
      intro: 'O administrador de portal da sua empresa cadastra o seu acesso. Informe o seu e-mail: se ele tiver acesso ao portal, enviaremos os nomes dos administradores de portal das suas empresas.',
      submit: 'Enviar',
      sent: 'Pronto. Se este e-mail tiver acesso ao portal, enviamos para ele os nomes dos administradores de portal da empresa.',
      stillNoAnswer: 'Não recebeu nada em alguns minutos? Veja os canais de atendimento.',
    },
  },
  forgot: {
    title: 'Esqueci minha senha',
    intro: 'Informe o seu e-mail. Se ele tiver acesso ao portal, você receberá um link para definir uma nova senha.',
    submit: 'Enviar link',
    sent: 'Se o e-mail tiver acesso ao portal, enviamos um link para definir uma nova senha. Ele vale por 1 hora.',
    back: 'Voltar ao login',
  },
  reset: {
    title: 'Definir senha',
    password: 'Nova senha',
    confirm: 'Confirme a nova senha',
    submit: 'Salvar senha',
    done: 'Senha definida. Entre com a nova senha.',
    invalidToken: 'Este link é inválido, já foi usado ou expirou. Peça um novo.',
    requestNew: 'Pedir um novo link',
  },
  setup: {
    title: 'Criar o primeiro administrador do sistema',
    intro: 'Este link vale uma única vez. Crie a conta que administrará o Atende.',
    name: 'Nome',
    email: 'E-mail',
    password: 'Senha',
    submit: 'Criar administrador',
    done: 'Administrador criado. Entre com o seu e-mail e senha.',
    invalidToken: 'Este link é inválido, já foi usado ou expirou.',
  },
};

export type AuthMessages = typeof authMessages;
