import { Alert, Badge, Button, Code, FileInput, Group, List, Pagination, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportPreview } from '../../../contracts/people';
import { currentLanguage } from '../../app/i18n';
import { useTranslate } from '../../app/useTranslate';
import { CountTile } from '../../ui/CountTile';
import { DataTable } from '../../ui/DataTable';
import { serverErrors } from '../../ui/forms';
import { Page, Panel } from '../../ui/Page';
import { CompanyLine, companyPages, CompanyTrail, forCompany } from './CompanyContext';
import { csvColumns, csvTemplate, download, readCsvFile } from './csv';
import { useImport } from './usePeople';

type Row = ImportPreview['rows'][number];
type Phase = 'idle' | 'uploading' | 'checking' | 'previewed' | 'committing' | 'done';

const pageSize = 50;
/** The server takes up to 5,000,000 characters in one request. */
const maxBytes = 5_000_000;

/** Counts in the interface language's digits, e.g. 5.000 (pt-BR). */
const fmt = (n: number) => n.toLocaleString(currentLanguage());

const statusColor: Record<Row['status'], string> = { new: 'teal', unchanged: 'gray', error: 'red' };

/** `/companies/:companyId/import` ("Importar contatos"): a CSV, its preview row by row, then one commit. */
export const ImportPage = forCompany(Import);

function Import({ companyId }: { companyId: number }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const { preview, commit } = useImport(companyId);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [page, setPage] = useState(1);
  const tableId = useId();

  const result = preview.data;
  const rows = useMemo(() => (result ? (onlyErrors ? result.rows.filter((r) => r.status === 'error') : result.rows) : []), [result, onlyErrors]);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);
  const toWrite = result ? result.counts.new : 0;

  const onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
    if (!total) return;
    setPercent(Math.round((loaded / total) * 100));
    // Once every byte is out, the server is at work: the bar says so instead of waiting at 100%.
    if (loaded >= total) setPhase((p) => (p === 'uploading' ? 'checking' : p));
  };

  const failed = (error: unknown, back: Phase) => {
    const { fields, alert: message } = serverErrors(error, t('errors.internal'));
    setFileError(fields.csv ?? null);
    setAlert(fields.csv ? null : (message ?? Object.values(fields).join(' ')));
    setPhase(back);
  };

  async function choose(chosen: File | null) {
    setFile(chosen);
    setCsv(null);
    setFileError(null);
    setAlert(null);
    setOnlyErrors(false);
    setPage(1);
    preview.reset();
    commit.reset();
    setPhase('idle');
    if (!chosen) return;
    if (chosen.size > maxBytes) return setFileError(t('people.import.tooLarge', { mb: maxBytes / 1_000_000 }));
    const text = await readCsvFile(chosen);
    if (!text.trim()) return setFileError(t('validation.required'));
    setCsv(text);
    setPercent(0);
    setPhase('uploading');
    preview.mutate(
      { csv: text, onProgress },
      {
        onSuccess: (found) => {
          setPhase('previewed');
          setOnlyErrors(found.counts.error > 0);
        },
        onError: (error) => failed(error, 'idle'),
      },
    );
  }

  function importNow() {
    if (!csv) return;
    setAlert(null);
    setPercent(0);
    setPhase('committing');
    commit.mutate({ csv, onProgress }, { onSuccess: () => setPhase('done'), onError: (error) => failed(error, 'previewed') });
  }

  const busy = phase === 'uploading' || phase === 'checking' || phase === 'committing';
  const progressLabel =
    phase === 'uploading' || (phase === 'committing' && percent < 100)
      ? t('people.import.uploading')
      : phase === 'checking'
        ? t('people.import.checking')
        : t('people.import.writing');

  return (
    <Page above={<CompanyTrail companyId={companyId} />} title={t('people.import.title')} description={<CompanyLine companyId={companyId}>{t('people.import.intro')}</CompanyLine>}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel id="import-format" title={t('people.import.formatTitle')}>
          <Text size="sm">{t('people.import.formatIntro')}</Text>
          <Table withTableBorder={false} verticalSpacing={4} fz="sm" aria-labelledby="import-format">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.import.column')}</Table.Th>
                <Table.Th scope="col">{t('people.import.content')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {csvColumns.map((c) => (
                <Table.Tr key={c.header}>
                  <Table.Td>
                    <Code>{c.header}</Code>
                    {c.required && (
                      <>
                        <Text component="span" c="red.8" fw={700} aria-hidden>
                          {' *'}
                        </Text>
                        <VisuallyHidden>{t('people.import.required')}</VisuallyHidden>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>{translate(`people.import.columns.${c.field}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('people.import.formatNote')}
          </Text>
          <Group>
            <Button
              variant="light"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => download(csvTemplate(t('people.import.example').split('|')), t('people.import.templateFile'))}
            >
              {t('people.import.template')}
            </Button>
          </Group>
        </Panel>

        <Panel id="import-file" title={t('people.import.fileTitle')} gap="md">
          <FileInput
            label={t('people.import.file')}
            description={t('people.import.fileHelp')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            placeholder={t('people.import.filePlaceholder')}
            accept=".csv,text/csv"
            clearable
            clearButtonProps={{ 'aria-label': t('people.import.clearFile') }}
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            value={file}
            onChange={(f) => void choose(f)}
            disabled={busy}
            error={fileError}
          />
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {alert}
            </Alert>
          )}
          <div role="status" aria-live="polite">
            {busy && (
              <Stack gap={6}>
                <Group justify="space-between">
                  <Text size="sm" fw={500}>
                    {progressLabel}
                  </Text>
                  {percent < 100 && (
                    <Text size="sm" c="dimmed">
                      {percent}%
                    </Text>
                  )}
                </Group>
                <Progress
                  size="lg"
                  radius="xl"
                  value={phase === 'checking' || percent >= 100 ? 100 : percent}
                  striped={phase === 'checking' || percent >= 100}
                  animated={phase === 'checking' || percent >= 100}
                  aria-label={progressLabel}
                />
              </Stack>
            )}
            {phase === 'done' && commit.data && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title={t('people.import.doneTitle')}>
                <Stack gap="xs">
                  <List size="sm" spacing={2}>
                    <List.Item>{t('people.import.done.created', { n: fmt(commit.data.created), count: commit.data.created })}</List.Item>
                    <List.Item>{t('people.import.done.unchanged', { n: fmt(commit.data.unchanged), count: commit.data.unchanged })}</List.Item>
                  </List>
                  <Text size="sm">{t('people.import.doneInvited')}</Text>
                  <Group gap="sm">
                    <Button component={Link} to={companyPages(companyId).people} size="sm">
                      {t('people.import.toContacts')}
                    </Button>
                    <Button variant="default" size="sm" onClick={() => void choose(null)}>
                      {t('people.import.another')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
          </div>
        </Panel>
      </SimpleGrid>

      {result && phase !== 'done' && (
        <Stack component="section" gap="md" aria-labelledby="import-preview">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3" id="import-preview">
              {t('people.import.previewTitle', { n: fmt(result.rows.length), count: result.rows.length })}
            </Title>
            <Button
              size="md"
              leftSection={<IconUpload size={18} aria-hidden />}
              disabled={result.counts.error > 0 || toWrite === 0 || busy}
              loading={phase === 'committing'}
              onClick={importNow}
            >
              {t('people.import.commit', { n: fmt(toWrite), count: toWrite })}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {(['new', 'unchanged', 'error'] as const).map((status) => (
              <CountTile key={status} value={fmt(result.counts[status])} label={t(`people.import.counts.${status}`)} alarming={status === 'error' && result.counts.error > 0} />
            ))}
          </SimpleGrid>
          {result.counts.error > 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('people.import.hasErrors', { n: fmt(result.counts.error), count: result.counts.error })}
            </Alert>
          ) : toWrite === 0 ? (
            <Alert color="blue" variant="light">
              {t('people.import.nothingToDo')}
            </Alert>
          ) : (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />}>
              {t('people.import.ready', { n: fmt(toWrite), count: toWrite })}
            </Alert>
          )}
          <Group justify="space-between">
            <SegmentedControl
              aria-label={t('people.import.filter')}
              value={onlyErrors ? 'errors' : 'all'}
              onChange={(v) => {
                setOnlyErrors(v === 'errors');
                setPage(1);
              }}
              data={[
                { value: 'all', label: t('people.import.allRows', { n: fmt(result.rows.length) }) },
                { value: 'errors', label: t('people.import.errorRows', { n: fmt(result.counts.error) }) },
              ]}
            />
            {pages > 1 && <Text size="sm" c="dimmed">{t('people.import.pageOf', { page, pages })}</Text>}
          </Group>
          {rows.length === 0 ? (
            <Paper withBorder p="lg">
              <Text ta="center" c="dimmed">
                {t('people.import.noRows')}
              </Text>
            </Paper>
          ) : (
            <DataTable
              rows={shown}
              rowKey={(row) => row.line}
              minWidth={720}
              labelledBy="import-preview"
              tableProps={{ id: tableId, verticalSpacing: 'xs', striped: true, highlightOnHover: false }}
              columns={[
                { label: t('people.import.line'), width: 80, cell: (row) => row.line },
                { label: t('people.fields.name'), cell: (row) => row.name || '—' },
                {
                  label: t('people.fields.email'),
                  cell: (row) => (
                    <Text size="sm" style={{ wordBreak: 'break-all' }}>
                      {row.email || '—'}
                    </Text>
                  ),
                },
                {
                  label: t('people.import.result'),
                  cell: (row) => (
                    <Badge variant="dot" color={statusColor[row.status]} radius="sm" tt="none" miw="max-content">
                      {t(`people.import.status.${row.status}`)}
                    </Badge>
                  ),
                },
                { label: t('people.import.errors'), cell: (row) => <RowErrors errors={row.errors} /> },
              ]}
            />
          )}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                siblings={1}
                boundaries={1}
                aria-label={t('people.import.pages')}
                getControlProps={(control) => ({ 'aria-label': t(`people.import.pageControls.${control}`) })}
                withEdges
                getItemProps={(n) => ({ 'aria-label': t('people.import.goToPage', { page: n }), 'aria-controls': tableId })}
              />
            </Group>
          )}
        </Stack>
      )}
    </Page>
  );
}

/** A field as the CSV names it: its column's header. */
function fieldName(field: string): string {
  return csvColumns.find((c) => c.field === field)?.header ?? field;
}

/** A row's problems, field by field, or a dash. */
function RowErrors({ errors }: { errors: Row['errors'] }) {
  if (Object.keys(errors).length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <List size="sm" spacing={0} c="red.9">
      {Object.entries(errors).map(([field, message]) => (
        <List.Item key={field}>
          <Code>{fieldName(field)}</Code> {message}
        </List.Item>
      ))}
    </List>
  );
}
