export const viewsMessages = {
  views: {
    conflict: 'La vista cambió desde que la abrió. Recárguela e inténtelo de nuevo.',
  },
};
