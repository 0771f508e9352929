export const viewsMessages = {
  views: {
    conflict: 'A visão mudou desde que você a abriu. Recarregue e tente de novo.',
  },
};
