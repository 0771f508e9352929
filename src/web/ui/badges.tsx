import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active or inactive, as a badge whose dot carries the colour. */
export function ActiveBadge({ active, ...props }: { active: boolean } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={active ? 'teal' : 'gray'} radius="sm" miw="max-content" {...props}>
      {active ? t('admin.common.active') : t('admin.common.inactive')}
    </Badge>
  );
}

/** Short codes in a row of outlined badges (a company's or a group's service lines); `empty` when there is none. */
export function CodeBadges({ codes, empty = '—' }: { codes: (string | number)[]; empty?: string }) {
  return (
    <Group gap={4}>
      {codes.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {codes.map((code) => (
        <Badge key={code} variant="outline" color="gray" radius="sm" tt="none">
          {code}
        </Badge>
      ))}
    </Group>
  );
}
