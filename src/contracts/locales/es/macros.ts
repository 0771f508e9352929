export const macrosMessages = {
  macros: {
    conflict: 'La macro cambió desde que la abrió. Recargue e inténtelo de nuevo.',
    unknownVariable: 'Variables desconocidas: {{names}}. Use las variables de la lista.',
    unknownVariable_one: 'Variable desconocida: {{names}}. Use una de las variables de la lista.',
    empty: 'Escriba una respuesta o elija al menos una acción.',
    shareAll: 'Solo el administrador del sistema comparte macros con todos los agentes.',
    transferNote: 'Transferido por la macro “{{name}}”.',
  },
};
