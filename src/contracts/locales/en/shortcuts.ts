export const shortcutsMessages = {
  shortcuts: {
    assign: 'Choose the assignee',
    status: 'Change the status',
    transfer: 'Transfer to another group',
    classify: 'Reclassify',
    criticality: 'Change the criticality',
    tags: 'Tag',
  },
};
