export const shortcutsMessages = {
  shortcuts: {
    assign: 'Escolher o responsável',
    status: 'Mudar a situação',
    transfer: 'Transferir para outro grupo',
    classify: 'Reclassificar',
    criticality: 'Alterar a criticidade',
    tags: 'Etiquetar',
  },
};
