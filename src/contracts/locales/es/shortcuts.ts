export const shortcutsMessages = {
  shortcuts: {
    assign: 'Elegir el responsable',
    status: 'Cambiar el estado',
    transfer: 'Transferir a otro grupo',
    classify: 'Reclasificar',
    criticality: 'Cambiar la criticidad',
    tags: 'Etiquetar',
  },
};
