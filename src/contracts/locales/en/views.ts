export const viewsMessages = {
  views: {
    conflict: 'The view changed since you opened it. Reload and try again.',
  },
};
