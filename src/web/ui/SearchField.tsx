import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** A list's search box: a magnifier, and the text typed handed on as it is. */
export function SearchField({ onChange, ...props }: Omit<TextInputProps, 'onChange' | 'value'> & { value: string; onChange: (value: string) => void }) {
  return <TextInput type="search" leftSection={<IconSearch size={16} aria-hidden />} onChange={(e) => onChange(e.currentTarget.value)} {...props} />;
}
