import { Group, Radio, Select, SimpleGrid } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ServiceLineForm } from '../../../contracts/catalog';
import { fieldLabel } from '../../app/FieldLabel';
import type { TicketDraft } from './ticketDraft';
import { useCompanySearch, useContacts } from './useTickets';

/** Both pickers are required and searched by typing; the list opens once something is typed. */
const pickerProps = { required: true, withAsterisk: false, searchable: true, openOnFocus: false, allowDeselect: false, checkIconPosition: 'right' } as const;

/**
 * Agents only: whether the ticket is on a customer's behalf, and then for which company (searched
 * on the server as the agent types into `companySearch`) and which of its contacts.
 */
export function OnBehalfFields({
  form,
  draft,
  errors,
  change,
  keepCategory,
  companySearch,
  onCompanySearch,
}: {
  form: ServiceLineForm;
  draft: TicketDraft;
  errors: Record<string, string>;
  change: (patch: Partial<TicketDraft>, ...fields: string[]) => void;
  keepCategory: (allowed: boolean) => Partial<TicketDraft>;
  companySearch: string;
  onCompanySearch: (search: string) => void;
}) {
  const { t } = useTranslation();
  const [debouncedSearch] = useDebouncedValue(companySearch.trim(), 250);
  // The chosen company's name stands in the box: it is not a search.
  const q = debouncedSearch === draft.behalfCompany?.name ? '' : debouncedSearch;
  const companies = useCompanySearch(form.serviceLine.id, q, draft.onBehalf);
  const contacts = useContacts(draft.onBehalf ? draft.companyId : null);
  const companyOptions = [
    ...(draft.behalfCompany ? [draft.behalfCompany] : []),
    ...(companies.data ?? []).filter((c) => c.id !== draft.behalfCompany?.id),
  ];

  return (
    <>
      <Radio.Group
        label={t('tickets.fields.onBehalf')}
        value={draft.onBehalf ? 'yes' : 'no'}
        onChange={(value) =>
          change(value === 'yes' ? { onBehalf: true } : { onBehalf: false, companyId: null, behalfCompany: null, requesterId: null }, 'companyId', 'requesterId')
        }
        error={errors.onBehalf}
      >
        <Group mt="xs" gap="xl">
          <Radio value="yes" label={t('ticketForm.yes')} />
          <Radio value="no" label={t('ticketForm.no')} />
        </Group>
      </Radio.Group>

      {draft.onBehalf && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={fieldLabel(t('tickets.fields.company'), true)}
            {...pickerProps}
            placeholder={t('ticketForm.searchCompany')}
            nothingFoundMessage={companies.isFetching ? t('app.loading') : t('ticketForm.nothingFound')}
            // The server already filtered by name: every option it sent is shown.
            filter={({ options }) => options}
            data={companyOptions.map((c) => ({ value: String(c.id), label: c.name }))}
            value={draft.companyId === null ? null : String(draft.companyId)}
            searchValue={companySearch}
            onSearchChange={onCompanySearch}
            onChange={(value) => {
              const picked = companyOptions.find((c) => String(c.id) === value) ?? null;
              change(
                { companyId: picked?.id ?? null, behalfCompany: picked, requesterId: null, ...(picked ? { country: picked.country } : {}), ...keepCategory(false) },
                'requesterId',
              );
            }}
            error={errors.companyId}
          />
          <Select
            label={fieldLabel(t('tickets.fields.requester'), true)}
            {...pickerProps}
            placeholder={draft.companyId === null ? t('ticketForm.chooseCompanyFirst') : t('ticketForm.choose')}
            nothingFoundMessage={
              draft.companyId === null ? t('ticketForm.chooseCompanyFirst') : contacts.isFetching ? t('app.loading') : t('ticketForm.nothingFound')
            }
            data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
            value={draft.requesterId}
            onChange={(value) => {
              const picked = contacts.data?.find((c) => c.id === value);
              change({ requesterId: value, ...keepCategory(picked?.mayRequestConsulting ?? false) });
            }}
            error={errors.requesterId}
          />
        </SimpleGrid>
      )}
    </>
  );
}
