import { TagsInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { tagList } from '../../../contracts/views';
import { api } from '../../api/client';

/** Tags beginning with what the agent types, from every ticket's tags. */
function useTagSuggestions(prefix: string) {
  const [debounced] = useDebouncedValue(prefix.trim().toLowerCase(), 200);
  return useQuery({
    queryKey: ['tags', debounced],
    queryFn: () => api.get<z.infer<typeof tagList>>(`/api/tags?${new URLSearchParams({ prefix: debounced, limit: '10' })}`).then((body) => body.tags),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Tag chips with autocomplete: typed in lower case, one word each (letters, digits, `-`, `_`, `.`). */
export function TagsField({
  label,
  placeholder,
  description,
  value,
  onChange,
  disabled,
  error,
}: {
  label: string;
  placeholder?: string;
  description?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const suggestions = useTagSuggestions(search).data ?? [];
  return (
    <TagsInput
      label={label}
      placeholder={placeholder}
      description={description}
      data={suggestions.filter((tag) => !value.includes(tag))}
      value={value}
      onChange={(tags) => onChange([...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))])}
      searchValue={search}
      onSearchChange={setSearch}
      splitChars={[',', ' ']}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketList.clearField') }}
      disabled={disabled}
      error={error}
    />
  );
}
