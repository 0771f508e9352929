import type { MailMessages } from '../pt-BR/mail';

export const mailMessages: MailMessages = {
  mailbox: {
    title: 'Buzón de correo de desarrollo',
    intro: 'Sin SMTP_URL, los correos quedan aquí en lugar de enviarse.',
    empty: 'Ningún correo.',
    unavailable: 'El buzón de correo de desarrollo solo existe en el modo de demostración.',
    refresh: 'Actualizar',
    to: 'Para',
    subject: 'Asunto',
    status: 'Estado',
    createdAt: 'Creado el',
    statuses: { pending: 'Pendiente', sent: 'Enviado', failed: 'Falló' },
  },
  mail: {
    test: {
      subject: 'Atende: correo de prueba',
      body: 'Este es un correo de prueba enviado desde la administración de Atende. Si lo recibió, el envío de correos funciona.',
    },
    invitation: {
      subject: 'Su acceso al portal Atende',
      body: 'Usted fue registrado como contacto de {{company}} en el portal de atención. Defina su contraseña con el enlace de abajo; vale por 72 horas y se puede usar una sola vez.',
      action: 'Definir contraseña',
      ignore: 'Si no esperaba esta invitación, ignore este correo.',
    },
    emailChange: {
      subject: 'Confirme su nuevo correo en Atende',
      body: 'Se pidió que este sea el correo de su cuenta en el portal. El cambio vale solo después de que usted confirme.',
      action: 'Confirmar correo',
      ignore: 'Si no reconoce este pedido, ignore este correo: nada cambia.',
    },
    portalAdmins: {
      subject: 'Los administradores del portal de su empresa',
      body: 'Estos son los administradores del portal de las empresas a las que usted pertenece:',
      footer: 'Ellos registran y actualizan los contactos de la empresa en el portal.',
    },
    ticketReply: {
      replied: '{{author}} escribió en el ticket #{{number}}:',
      waiting: 'Esperamos su respuesta para continuar la atención.',
      solution: 'Se propuso una solución. Confírmela o recházela en el portal.',
      closed: 'El ticket #{{number}} fue cerrado. Cuéntenos cómo fue la atención: califíquelo de 1 a 5 en el portal.',
      autoClosed: 'El ticket #{{number}} fue cerrado porque la solución propuesta no se confirmó en {{days}} días. Puede reabrirlo en el portal.',
      rejected: '{{author}} rechazó la solución propuesta del ticket #{{number}}:',
      reopened: '{{author}} reabrió el ticket #{{number}}:',
    },
    greeting: 'Hola, {{name}}',
    footer: 'Atende — portal del cliente. Este correo se envió automáticamente.',
    ticketOpened: {
      bodyRequester: 'Su ticket #{{number}} fue abierto. Siga la atención en el portal.',
      bodyCopy: '{{requester}} abrió el ticket #{{number}} y pidió que usted reciba copias de las interacciones.',
      action: 'Ver el ticket',
    },
    passwordChanged: {
      subject: 'La contraseña de su cuenta de Atende fue cambiada',
      body: 'La contraseña de su cuenta del portal fue cambiada el {{time}}, desde la dirección IP {{ip}}.',
      notYou: 'Si no fue usted, defina una nueva contraseña ahora en {{forgot}} y avise al administrador del portal de su empresa.',
      help: '¿Necesita ayuda? Los canales de atención están en {{help}}.',
    },
    emailChangeNotice: {
      subject: 'El correo de su cuenta de Atende va a cambiar',
      body: '{{actor}} pidió que el correo de su cuenta del portal pase de {{old}} a {{new}}. El cambio vale después de que la nueva dirección lo confirme.',
      undo: 'Si no reconoce este pedido, deshágalo con el enlace de abajo. Vale por 7 días, también después de la confirmación, y cierra todas las sesiones abiertas de su cuenta.',
      action: 'Deshacer el cambio',
    },
    emailRestored: {
      subject: 'El correo de su cuenta de Atende fue restaurado',
      body: 'El cambio de correo fue deshecho y todas las sesiones de su cuenta terminaron. Como la contraseña fue cambiada después del cambio, dejó de valer: defina una nueva con el enlace de abajo, que vale por 72 horas y se puede usar una sola vez.',
      action: 'Definir contraseña',
      ignore: 'Si no fue usted quien deshizo el cambio, avise al administrador del portal de su empresa.',
    },
    companyInvitation: {
      subject: '{{company}} lo invitó al portal Atende',
      body: '{{company}} lo invitó a ser contacto de la empresa en el portal de atención (invitación enviada por {{inviter}}). Entre al portal con su cuenta de siempre para aceptar o rechazar.',
      action: 'Ver la invitación',
      note: 'Mientras no acepte, la empresa no ve sus datos y usted no ve sus tickets.',
    },
    resetPassword: {
      subject: 'Defina su contraseña de Atende',
      body: 'Recibimos un pedido para definir la contraseña de su cuenta. El enlace vale por 1 hora y se puede usar una sola vez.',
      action: 'Definir contraseña',
      ignore: 'Si usted no lo pidió, ignore este correo: su contraseña sigue igual.',
    },
  },
};
