import { Group, NumberInput, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { levels, type Level } from '../../../contracts/criticality';
import { slaTargetFields, type PolicyTargets, type SlaTargetField } from '../../../contracts/sla-admin';

/** No targets at all: where a new policy starts before the defaults fill it. */
export const emptyTargets = (): PolicyTargets =>
  Object.fromEntries(levels.map((level) => [level, { firstResponse: null, nextResponse: null, resolution: null }])) as PolicyTargets;

/** The defaults in business minutes: Crítica 1 h / 4 h … Planejamento without a resolution target. */
export const defaultTargets = (): PolicyTargets => ({
  critical: { firstResponse: 60, nextResponse: 120, resolution: 240 },
  high: { firstResponse: 240, nextResponse: 480, resolution: 2 * 540 },
  medium: { firstResponse: 480, nextResponse: 960, resolution: 5 * 540 },
  low: { firstResponse: 2 * 540, nextResponse: 2 * 540, resolution: 10 * 540 },
  planning: { firstResponse: 2 * 540, nextResponse: 5 * 540, resolution: null },
});

/**
 * The targets of a policy as a table: a row a criticality, a column a target, each in hours and
 * minutes of business time; both empty means no target.
 */
export function TargetsEditor({ targets, onChange, errors }: { targets: PolicyTargets; onChange: (targets: PolicyTargets) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (level: Level, field: SlaTargetField, minutes: number | null) => onChange({ ...targets, [level]: { ...targets[level], [field]: minutes } });

  return (
    <Table.ScrollContainer minWidth={620} type="native">
      <Table verticalSpacing={4} aria-label={t('slaAdmin.policies.targetsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tickets.fields.criticality')}</Table.Th>
            {slaTargetFields.map((field) => (
              <Table.Th key={field} scope="col">
                {t(`slaAdmin.policies.target.${field}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level) => (
            <Table.Tr key={level}>
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {t(`criticality.levels.${level}`)}
                </Text>
              </Table.Th>
              {slaTargetFields.map((field) => (
                <Table.Td key={field}>
                  <DurationField
                    minutes={targets[level][field]}
                    onChange={(minutes) => set(level, field, minutes)}
                    error={errors[`targets.${level}.${field}`]}
                    names={{
                      hours: t('slaAdmin.policies.hoursOf', { target: t(`slaAdmin.policies.target.${field}`), level: t(`criticality.levels.${level}`) }),
                      minutes: t('slaAdmin.policies.minutesOf', { target: t(`slaAdmin.policies.target.${field}`), level: t(`criticality.levels.${level}`) }),
                    }}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Business minutes typed as hours and minutes; both empty is none. */
function DurationField({ minutes, onChange, error, names }: { minutes: number | null; onChange: (minutes: number | null) => void; error?: string; names: { hours: string; minutes: string } }) {
  const { t } = useTranslation();
  const h = minutes === null ? '' : Math.floor(minutes / 60);
  const m = minutes === null ? '' : minutes % 60;
  const change = (hours: number | string, mins: number | string) => {
    if (hours === '' && mins === '') return onChange(null);
    onChange(Math.max(0, Math.round(Number(hours || 0) * 60 + Number(mins || 0))));
  };
  return (
    <div>
      <Group gap={4} wrap="nowrap">
        <NumberInput size="xs" w={72} min={0} max={8760} allowDecimal={false} aria-label={names.hours} placeholder="—" value={h} onChange={(v) => change(v, m)} rightSection={<Text size="xs">{t('slaAdmin.policies.h')}</Text>} error={Boolean(error)} />
        <NumberInput size="xs" w={72} min={0} max={59} allowDecimal={false} aria-label={names.minutes} placeholder="—" value={m} onChange={(v) => change(h, v)} rightSection={<Text size="xs">{t('slaAdmin.policies.min')}</Text>} error={Boolean(error)} />
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </div>
  );
}
