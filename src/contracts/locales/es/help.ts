import type { HelpMessages } from '../pt-BR/help';

export const helpMessages: HelpMessages = {
  help: {
    articleMissing: 'Este artículo no existe o fue retirado. Vuelva a la ayuda para ver los artículos disponibles.',
    title: 'Canales de atención',
    intro: '¿Necesita ayuda para acceder al portal o abrir un ticket? Hable con nosotros por los canales de abajo.',
    nav: { section: 'Ayuda' },
    channels: 'Hable con nosotros',
    noChannels: 'Ningún canal de atención registrado.',
    call: 'Llamar al {{phone}}',
    callOption: 'Llame al {{phone}} y marque la opción {{option}}',
    option: 'opción {{option}}',
    openSite: 'Abrir el sitio',
    adminTitle: '¿No sabe quién es el administrador del portal de su empresa?',
    adminAction: 'Recibir los nombres por correo',
    adminIntro: 'Es quien registra su acceso. Indique su correo y, si tiene acceso al portal, le enviaremos los nombres de los administradores.',
    articles: 'Guías',
    inLanguage: 'Esta guía está escrita en {{language}}.',
  },
};
