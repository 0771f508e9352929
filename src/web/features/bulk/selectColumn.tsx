import { Checkbox } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Column } from '../../ui/DataTable';
import type { Selectable, Selection } from './useSelection';

/**
 * A list's first column of checkboxes: the header's checks the whole page, a row's checks that
 * ticket, and Shift+click every row from the last one checked. A click here never opens the ticket.
 */
export function selectColumn<Row extends Selectable>(selection: Selection, t: TFunction): Column<Row> {
  return {
    width: 44,
    label: (
      <Checkbox
        aria-label={t('bulk.selectPage')}
        checked={selection.pageState === 'all'}
        indeterminate={selection.pageState === 'some'}
        onChange={() => selection.togglePage()}
      />
    ),
    cell: (row) => (
      <div onClick={(event) => event.stopPropagation()}>
        <Checkbox
          aria-label={t('bulk.selectRow', { number: row.number })}
          checked={selection.has(row.number)}
          onChange={() => undefined}
          onClick={(event) => selection.toggle(row, event.shiftKey)}
          data-select-ticket={row.number}
        />
      </div>
    ),
  };
}
