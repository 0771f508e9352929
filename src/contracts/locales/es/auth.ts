import type { AuthMessages } from '../pt-BR/auth';

export const authMessages: AuthMessages = {
  login: {
    title: 'Acceda al portal',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    forgot: 'Olvidé mi contraseña',
    invalid: 'Correo electrónico o contraseña inválidos.',
    help: 'Canales de atención',
    lookup: {
      link: '¿No sabe quién es el administrador del portal?',
      title: '¿Quién es el administrador del portal?',
      intro: 'El administrador del portal de su empresa registra su acceso. Indique su correo: si tiene acceso al portal, le enviaremos los nombres de los administradores del portal de sus empresas.',
      submit: 'Enviar',
      sent: 'Listo. Si este correo tiene acceso al portal, le enviamos los nombres de los administradores del portal de la empresa.',
      stillNoAnswer: '¿No recibió nada en unos minutos? Vea los canales de atención.',
    },
  },
  forgot: {
    title: 'Olvidé mi contraseña',
    intro: 'Informe su correo. Si tiene acceso al portal, recibirá un enlace para definir una nueva contraseña.',
    submit: 'Enviar enlace',
    sent: 'Si el correo tiene acceso al portal, enviamos un enlace para definir una nueva contraseña. Vale por 1 hora.',
    back: 'Volver al inicio de sesión',
  },
  reset: {
    title: 'Definir contraseña',
    password: 'Nueva contraseña',
    confirm: 'Confirme la nueva contraseña',
    submit: 'Guardar contraseña',
    done: 'Contraseña definida. Entre con la nueva contraseña.',
    invalidToken: 'Este enlace no es válido, ya fue usado o expiró. Pida uno nuevo.',
    requestNew: 'Pedir un nuevo enlace',
  },
  setup: {
    title: 'Crear el primer administrador del sistema',
    intro: 'Este enlace vale una sola vez. Cree la cuenta que administrará Atende.',
    name: 'Nombre',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Crear administrador',
    done: 'Administrador creado. Entre con su correo y contraseña.',
    invalidToken: 'Este enlace no es válido, ya fue usado o expiró.',
  },
};
