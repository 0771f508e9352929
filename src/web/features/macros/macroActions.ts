import type { TFunction } from 'i18next';
import type { MacroActionsView } from '../../../contracts/macros';

/** A macro's actions in words ("Situação: Aguardando cliente · Etiquetas: log"), or '' when it only replies. */
export function actionsText(actions: MacroActionsView, t: TFunction): string {
  return [
    actions.status && t('macros.actionStatus', { status: t(`tickets.statuses.${actions.status}`) }),
    actions.tags.length > 0 && t('macros.actionTags', { tags: actions.tags.join(', ') }),
    actions.group && t('macros.actionGroup', { group: actions.group.name }),
  ]
    .filter(Boolean)
    .join(' · ');
}
