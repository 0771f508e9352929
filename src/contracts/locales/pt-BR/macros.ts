export const macrosMessages = {
  macros: {
    conflict: 'A macro mudou desde que você a abriu. Recarregue e tente de novo.',
    unknownVariable: 'Variáveis desconhecidas: {{names}}. Use as variáveis da lista.',
    unknownVariable_one: 'Variável desconhecida: {{names}}. Use uma das variáveis da lista.',
    empty: 'Escreva uma resposta ou escolha ao menos uma ação.',
    shareAll: 'Só o administrador do sistema compartilha macros com todos os analistas.',
    transferNote: 'Transferido pela macro “{{name}}”.',
  },
};
