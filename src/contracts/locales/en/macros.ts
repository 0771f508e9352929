export const macrosMessages = {
  macros: {
    conflict: 'The macro changed since you opened it. Reload and try again.',
    unknownVariable: 'Unknown variables: {{names}}. Use the variables listed.',
    unknownVariable_one: 'Unknown variable: {{names}}. Use one of the variables listed.',
    empty: 'Write a reply or choose at least one action.',
    shareAll: 'Only the system administrator shares macros with all agents.',
    transferNote: 'Transferred by the macro “{{name}}”.',
  },
};
