import { Checkbox, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized } from '../../../contracts/languages';
import { currentLanguage } from '../../app/i18n';
import type { Catalog } from './useCatalogAdmin';

/** The service lines by channel, for a checkbox list: active ones, and inactive ones still chosen. */
export function linesByChannel(catalog: Catalog, chosen: number[] = []) {
  const language = currentLanguage();
  return catalog.channel.map((channel) => ({
    id: channel.id,
    name: channel.names ? localized(channel.names, language) : channel.name,
    lines: catalog.service_line.filter((l) => l.parentId === channel.id && (l.active || chosen.includes(l.id))),
  }));
}

/** Service line names by id, e.g. for the audit log's entitlement changes. */
export function lineNames(catalog: Catalog | undefined): Map<number, string> {
  return new Map((catalog?.service_line ?? []).map((l) => [l.id, l.name]));
}

/** Service line codes by id ("RM", "PROTHEUS"), for the badges of a company's or a group's lines. */
export function lineCodes(catalog: Catalog | undefined): Map<number, string> {
  return new Map((catalog?.service_line ?? []).map((l) => [l.id, l.code ?? l.name]));
}

/** Checkboxes of service lines grouped by channel (entitlements, the lines a group serves). */
export function ServiceLinePicker({ catalog, value, onChange, label, error }: { catalog: Catalog; value: number[]; onChange: (ids: number[]) => void; label: string; error?: string }) {
  const { t } = useTranslation();
  const toggle = (id: number, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <Paper component="fieldset" withBorder p="sm" radius="md" m={0}>
      <Text component="legend" size="sm" fw={600} px={4}>
        {label}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {linesByChannel(catalog, value).map((channel) => (
          <Stack key={channel.id} gap={6} role="group" aria-label={channel.name}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {channel.name}
            </Text>
            {channel.lines.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('admin.catalog.noLines')}
              </Text>
            )}
            {channel.lines.map((line) => (
              <Checkbox
                key={line.id}
                checked={value.includes(line.id)}
                onChange={(e) => toggle(line.id, e.currentTarget.checked)}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <span>{line.name}</span>
                    {!line.active && (
                      <Text component="span" size="xs" c="dimmed">
                        ({t('admin.common.inactive')})
                      </Text>
                    )}
                  </Group>
                }
              />
            ))}
          </Stack>
        ))}
      </SimpleGrid>
      {error && (
        <Text size="sm" c="red.8" mt="xs">
          {error}
        </Text>
      )}
    </Paper>
  );
}
