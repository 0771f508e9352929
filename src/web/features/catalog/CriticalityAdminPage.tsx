import { Alert, Badge, Button, Grid, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeCriticality, defaultMatrix, describeCriticality, grades, levels, type Grade, type Level, type Matrix } from '../../../contracts/criticality';
import { useTranslate } from '../../app/useTranslate';
import { FormAlert } from '../../ui/FormModal';
import { errorText } from '../../ui/forms';
import { Loaded } from '../../ui/ListStates';
import { notifyDone } from '../../ui/notify';
import { Page, Panel } from '../../ui/Page';
import { CriticalityReason } from '../tickets/CriticalityReason';
import { CriticalityBadge } from '../tickets/TicketBadges';
import { useServiceLineForm } from '../tickets/useTickets';
import { useCatalog, useMatrix, useSaveMatrix } from './useCatalogAdmin';

const same = (a: Matrix, b: Matrix) => grades.every((i) => grades.every((u) => a[i][u] === b[i][u]));
const copy = (m: Matrix): Matrix => ({ high: { ...m.high }, medium: { ...m.medium }, low: { ...m.low } });

/**
 * `/admin/criticality`: the matrix of impact (from the origin) × urgency (from the effect), with
 * a live preview of what a ticket would get under the matrix being edited.
 */
export function CriticalityAdminPage() {
  const { t } = useTranslation();
  const saved = useMatrix();
  return (
    <Page title={t('admin.criticality.title')} description={t('admin.criticality.intro')}>
      <Loaded query={saved}>{(matrix) => <MatrixEditor saved={matrix} />}</Loaded>
    </Page>
  );
}

/** The matrix's cells as selects, each marked when changed, with save, undo and the guide's defaults. */
function MatrixEditor({ saved }: { saved: Matrix }) {
  const { t } = useTranslation();
  const save = useSaveMatrix();
  const [matrix, setMatrix] = useState<Matrix>(() => copy(saved));
  useEffect(() => setMatrix(copy(saved)), [saved]);
  const dirty = !same(matrix, saved);
  const levelOptions = levels.map((l) => ({ value: l, label: t(`criticality.levels.${l}`) }));

  const setCell = (impact: Grade, urgency: Grade, level: Level) => setMatrix((m) => ({ ...m, [impact]: { ...m[impact], [urgency]: level } }));

  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Panel id="matrix-title" title={t('admin.criticality.matrix')} intro={t('admin.criticality.matrixHelp')} size="h3" padding="md" gap="md">
          <Table.ScrollContainer minWidth={520} type="native">
            <Table withTableBorder withColumnBorders verticalSpacing="sm" aria-labelledby="matrix-title">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">
                    <Text size="xs" c="dimmed" fw={600}>
                      {t('admin.criticality.corner')}
                    </Text>
                  </Table.Th>
                  {grades.map((u) => (
                    <Table.Th scope="col" key={u}>
                      {t('admin.criticality.urgencyHeader', { urgency: t(`criticality.urgency.${u}`) })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grades.map((impact) => (
                  <Table.Tr key={impact}>
                    <Table.Th scope="row" bg="gray.0">
                      {t('admin.criticality.impactHeader', { impact: t(`criticality.impact.${impact}`) })}
                    </Table.Th>
                    {grades.map((urgency) => {
                      const changed = matrix[impact][urgency] !== saved[impact][urgency];
                      return (
                        <Table.Td key={urgency} bg={changed ? 'yellow.0' : undefined}>
                          <Select
                            aria-label={t('admin.criticality.cell', { impact: t(`criticality.impact.${impact}`), urgency: t(`criticality.urgency.${urgency}`) })}
                            allowDeselect={false}
                            data={levelOptions}
                            value={matrix[impact][urgency]}
                            onChange={(v) => v && setCell(impact, urgency, v as Level)}
                            leftSection={<LevelDot level={matrix[impact][urgency]} />}
                            comboboxProps={{ withinPortal: true }}
                          />
                          {changed && (
                            <Text size="xs" c="dimmed" mt={4}>
                              {t('admin.criticality.was', { level: t(`criticality.levels.${saved[impact][urgency]}`) })}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <FormAlert message={errorText(save.error, t('errors.internal'))} />
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setMatrix(copy(defaultMatrix))} disabled={same(matrix, defaultMatrix)}>
              {t('admin.criticality.defaults')}
            </Button>
            <Group gap="sm">
              {dirty && (
                <Badge color="orange" variant="dot" radius="sm" tt="none">
                  {t('admin.criticality.unsaved')}
                </Badge>
              )}
              <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} disabled={!dirty} onClick={() => setMatrix(copy(saved))}>
                {t('admin.criticality.undo')}
              </Button>
              <Button
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                disabled={!dirty}
                loading={save.isPending}
                onClick={() => save.mutate(matrix, { onSuccess: () => notifyDone(t('admin.criticality.saved')) })}
              >
                {t('admin.common.save')}
              </Button>
            </Group>
          </Group>
        </Panel>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Preview matrix={matrix} saved={saved} />
      </Grid.Col>
    </Grid>
  );
}

const dotColor: Record<Level, string> = { critical: 'red.9', high: 'orange.5', medium: 'yellow.4', low: 'blue.8', planning: 'gray.7' };

/** A level's colour, as a dot beside its name. */
function LevelDot({ level }: { level: Level }) {
  return <span aria-hidden style={{ width: 10, height: 10, borderRadius: 10, background: `var(--mantine-color-${dotColor[level].replace('.', '-')})`, display: 'inline-block' }} />;
}

/** Pick an effect, an origin and a category of a line's form: the level under the edited matrix. */
function Preview({ matrix, saved }: { matrix: Matrix; saved: Matrix }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const catalog = useCatalog();
  const lines = (catalog.data?.service_line ?? []).filter((l) => l.active);
  const [lineId, setLineId] = useState<number | null>(null);
  const chosenLine = lineId ?? lines[0]?.id;
  const form = useServiceLineForm(chosenLine);
  const [effectId, setEffectId] = useState<string | null>(null);
  const [originId, setOriginId] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);

  // Start from something to look at: the first of each list.
  useEffect(() => {
    if (!form.data) return;
    setEffectId((v) => v ?? (form.data.effects[0] ? String(form.data.effects[0].id) : null));
    setOriginId((v) => v ?? (form.data.origins[0] ? String(form.data.origins[0].id) : null));
    setCategoryId((v) => v ?? (form.data.categories[0] ? String(form.data.categories[0].id) : null));
  }, [form.data]);

  const effect = form.data?.effects.find((e) => String(e.id) === effectId);
  const origin = form.data?.origins.find((o) => String(o.id) === originId);
  const category = form.data?.categories.find((c) => String(c.id) === categoryId);
  const input = useMemo(
    () =>
      effect && origin && category
        ? { effect: { name: effect.name, urgency: effect.urgency }, origin: { name: origin.name, impact: origin.impact }, category: { name: category.name, cap: category.cap } }
        : null,
    [effect, origin, category],
  );
  const live = input ? computeCriticality(input, matrix) : null;
  const before = input ? computeCriticality(input, saved) : null;

  return (
    <Panel id="preview-title" title={t('admin.criticality.preview')} intro={t('admin.criticality.previewHelp')} size="h3" padding="md" bg="gray.0">
      <Select
        label={t('tickets.fields.serviceLine')}
        allowDeselect={false}
        data={lines.map((l) => ({ value: String(l.id), label: l.name }))}
        value={chosenLine ? String(chosenLine) : null}
        onChange={(v) => v && setLineId(Number(v))}
      />
      <Loaded query={form}>
        {(f) => (
          <Stack gap="sm">
            {[
              {
                label: t('tickets.fields.effect'),
                options: f.effects.map((e) => ({ value: String(e.id), label: `${e.name} — ${t('admin.catalog.urgencyIs', { urgency: t(`criticality.urgency.${e.urgency}`) })}` })),
                value: effectId,
                onChange: setEffectId,
              },
              {
                label: t('tickets.fields.origin'),
                options: f.origins.map((o) => ({ value: String(o.id), label: `${o.name} — ${t('admin.criticality.impactIs', { impact: t(`criticality.impact.${o.impact}`) })}` })),
                value: originId,
                onChange: setOriginId,
              },
              {
                label: t('tickets.fields.category'),
                options: f.categories.map((c) => ({ value: String(c.id), label: c.cap ? `${c.name} — ${t('admin.criticality.capIs', { level: t(`criticality.levels.${c.cap}`) })}` : c.name })),
                value: categoryId,
                onChange: setCategoryId,
              },
            ].map((choice) => (
              <Select key={choice.label} label={choice.label} allowDeselect={false} data={choice.options} value={choice.value} onChange={choice.onChange} />
            ))}
          </Stack>
        )}
      </Loaded>
      <Paper withBorder p="md" radius="md" role="status" aria-live="polite" aria-labelledby="preview-result">
        <Text id="preview-result" size="sm" fw={600} mb={6}>
          {t('tickets.fields.criticality')}
        </Text>
        {live ? (
          <Stack gap="xs">
            <Group gap="sm">
              <CriticalityBadge level={live.level} size="lg" />
              {before && before.level !== live.level && (
                <Text size="sm" c="dimmed">
                  {t('admin.criticality.savedGives', { level: t(`criticality.levels.${before.level}`) })}
                </Text>
              )}
            </Group>
            <CriticalityReason level={live.level} reason={describeCriticality(live, translate)} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ticketForm.criticalityPending')}
          </Text>
        )}
      </Paper>
      {!lines.length && catalog.isSuccess && <Alert color="yellow">{t('admin.criticality.noLines')}</Alert>}
    </Panel>
  );
}
