import { ActionIcon, Alert, Box, Button, FileButton, Group, Paper, Progress, SegmentedControl, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMergedRef } from '@mantine/hooks';
import { IconAlertCircle, IconBulb, IconCheck, IconLock, IconMessage, IconPaperclip, IconUpload, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleInput, ArticleView, TicketView } from '../../../contracts/tickets';
import { api, ApiError, ConflictError } from '../../api/client';
import { currentLanguage } from '../../app/i18n';
import { NewerArticles } from '../live/NewerArticles';
import { ChosenMacro, ComposerMacroPicker, useComposerMacro, type PickerKeys } from '../macros/ComposerMacros';
import { MentionPicker } from '../notifications/MentionPicker';
import { ChangedNotice } from './ChangeNotices';
import classes from './Composer.module.css';
import { fileSize } from './formatting';
import { useChangesSince } from './useChangesSince';
import { useTicketMutation } from './useTickets';
import { maxFilesPerInteraction, useUploads, type PendingFile } from './useUploads';

export type ComposerMode = 'reply' | 'note';
type Action = NonNullable<ArticleInput['action']>;
type Draft = { body: string; mode: ComposerMode; files: PendingFile[] };

const draftKey = (meId: string, number: number) => `atende.reply.${meId}.${number}`;

/** The draft kept in this tab, so a reload or a detour to another page loses nothing typed. */
function loadDraft(key: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

function saveDraft(key: string, draft: Draft) {
  try {
    if (!draft.body && !draft.files.length) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Without storage the draft lives as long as the page.
  }
}

/** A file of the reply: name, size, a progress bar while it uploads (full once it is stored) and a remove button. */
function FileChip({ file, onRemove }: { file: PendingFile; onRemove: () => void }) {
  const { t } = useTranslation();
  const percent = Math.round(file.progress * 100);
  const state =
    file.status === 'error' ? t('conversation.composer.failed') : file.status === 'done' ? t('conversation.composer.uploaded') : `${percent}%`;
  return (
    <Paper withBorder radius="md" p={8} className={classes.chip} data-status={file.status} component="li">
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={26} radius="xl" variant="light" color={file.status === 'error' ? 'red' : file.status === 'done' ? 'teal' : 'blue'}>
          {file.status === 'error' ? <IconAlertCircle size={16} aria-hidden /> : file.status === 'done' ? <IconCheck size={16} aria-hidden /> : <IconUpload size={16} aria-hidden />}
        </ThemeIcon>
        <Box className={classes.chipText}>
          <Text size="sm" fw={500} truncate="end" title={file.name}>
            {file.name}
          </Text>
          <Text size="xs" c={file.status === 'error' ? 'red.8' : 'dimmed'}>
            {fileSize(file.size, currentLanguage())} · {file.status === 'error' ? file.error : state}
          </Text>
        </Box>
        <ActionIcon variant="subtle" color="gray" aria-label={t('conversation.composer.remove', { name: file.name })} onClick={onRemove}>
          <IconX size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <Progress
        mt={6}
        size="sm"
        value={file.status === 'error' ? 100 : percent}
        color={file.status === 'error' ? 'red.8' : file.status === 'done' ? 'teal.8' : 'blue.8'}
        animated={file.status === 'uploading'}
        striped={file.status === 'uploading'}
        aria-label={t('conversation.composer.progress', { name: file.name })}
      />
    </Paper>
  );
}

/**
 * Writing to the ticket: a public reply (agents may also ask the customer or propose a solution)
 * or an internal note, with files dropped, pasted or chosen, each uploading with its progress.
 */
export function Composer({
  ticket,
  meId,
  isStaff,
  mode,
  onModeChange,
  textareaRef,
  onTyping,
  onSent,
}: {
  ticket: TicketView;
  meId: string;
  isStaff: boolean;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
  /** Each keystroke in the box (the page announces "… está respondendo"). */
  onTyping?: () => void;
  /** A reply or note went. */
  onSent?: () => void;
}) {
  const { t } = useTranslation();
  const key = draftKey(meId, ticket.number);
  const [initial] = useState(() => loadDraft(key));
  const [body, setBody] = useState(initial?.body ?? '');
  const uploads = useUploads(ticket.number, initial?.files.filter((f) => f.status === 'done'));
  const [error, setError] = useState<{ body?: string; files?: string; alert?: string }>({});
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const resetFileInput = useRef<() => void>(null);
  const changes = useChangesSince(ticket, meId);
  const [pending, setPending] = useState<Action | 'note' | null>(null);
  // Articles that came after the ones the writer saw: the reply waits for "send anyway".
  const [newer, setNewer] = useState<{ articles: ArticleView[]; action: Action | 'note' } | null>(null);
  const [caret, setCaret] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const boxRef = useMergedRef(box, textareaRef);
  const macro = useComposerMacro();
  const macroKeys: PickerKeys = useRef(null);

  const canReply = ticket.actions.reply;
  const canNote = ticket.actions.note;
  const effective: ComposerMode = mode === 'note' && canNote ? 'note' : canReply ? 'reply' : 'note';
  const note = effective === 'note';

  // A restored draft comes back in the mode it was written in (once, on arrival).
  const restoredMode = useRef(initial?.mode);
  useEffect(() => {
    if (restoredMode.current && restoredMode.current !== mode) onModeChange(restoredMode.current);
    restoredMode.current = undefined;
  }, [mode, onModeChange]);

  const doneFiles = useMemo(() => uploads.files.filter((f) => f.status === 'done'), [uploads.files]);
  useEffect(() => saveDraft(key, { body, mode: effective, files: doneFiles }), [key, body, effective, doneFiles]);

  // Watching for changes by others starts with the first word or file.
  const dirty = body.trim() !== '' || uploads.files.length > 0;
  const { start, done } = changes;
  useEffect(() => {
    if (dirty) start();
    else done();
  }, [dirty, start, done]);

  // A macro chosen with "/" applies its actions once the reply went.
  const send = useTicketMutation(ticket.number, async (input: ArticleInput) => macro.afterSend(await api.post<TicketView>(`/api/tickets/${ticket.number}/articles`, input)));

  /** Sends the reply or note; `seen` is the last article the writer saw (the newest of `newer` once they chose to send anyway). */
  const submit = (action: Action | 'note', seen = changes.lastSeenArticleId) => {
    if (!body.trim()) return setError({ body: t('validation.required') });
    if (uploads.uploading) return setError({ files: t('conversation.composer.waitUploads') });
    if (uploads.failed) return setError({ files: t('conversation.composer.removeFailed') });
    setError({});
    setNewer(null);
    setPending(action);
    const common = { body, attachmentIds: uploads.attachmentIds, lastSeenArticleId: seen };
    const input: ArticleInput = action === 'note' ? { ...common, internal: true } : { ...common, action };
    send.mutate(input, {
      onSuccess: () => {
        setBody('');
        uploads.reset();
        resetFileInput.current?.();
        changes.done();
        onSent?.();
        sessionStorage.removeItem(key);
        notifications.show({ color: 'teal', message: t(action === 'note' ? 'conversation.composer.noteSaved' : 'conversation.composer.sent') });
      },
      onError: (e) => {
        const arrived = e instanceof ConflictError ? (e.details.newer as ArticleView[] | undefined) : undefined;
        if (arrived?.length) setNewer({ articles: arrived, action });
        else if (e instanceof ApiError && (e.fields.body || e.fields.attachmentIds)) setError({ body: e.fields.body, files: e.fields.attachmentIds });
        else setError({ alert: e.message });
      },
      onSettled: () => setPending(null),
    });
  };

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  const onDragEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current++;
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    uploads.add(Array.from(event.dataTransfer.files));
  };
  // A screenshot or a copied file attaches itself; text copied from a document pastes as text.
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (!files.length || event.clipboardData.types.includes('text/html')) return;
    event.preventDefault();
    uploads.add(files);
  };

  const busy = send.isPending;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={t('conversation.composer.title')}
      className={classes.composer}
      data-note={note || undefined}
      data-dragging={dragging || undefined}
      onDragEnter={onDragEnter}
      onDragOver={(event) => hasFiles(event) && event.preventDefault()}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <Stack gap="sm">
        {canReply && canNote && isStaff && (
          <SegmentedControl
            value={effective}
            onChange={(value) => onModeChange(value as ComposerMode)}
            aria-label={t('conversation.composer.mode')}
            color={note ? 'yellow.4' : 'blue.8'}
            autoContrast
            data={[
              { value: 'reply', label: <span className={classes.segment}><IconMessage size={16} aria-hidden /> {t('conversation.composer.replyMode')}</span> },
              { value: 'note', label: <span className={classes.segment}><IconLock size={16} aria-hidden /> {t('conversation.composer.noteMode')}</span> },
            ]}
            className={classes.modes}
          />
        )}
        <ChangedNotice changes={changes.changes} onAcknowledge={changes.acknowledge} />
        {newer && (
          <NewerArticles
            articles={newer.articles}
            sending={busy}
            onSend={() => submit(newer.action, Math.max(...newer.articles.map((a) => a.id)))}
            onReview={() => {
              setNewer(null);
              changes.acknowledge();
            }}
          />
        )}
        {error.alert && (
          <Alert color="red" role="alert">
            {error.alert}
          </Alert>
        )}
        <Textarea
          ref={boxRef}
          label={note ? t('conversation.composer.noteLabel') : t('conversation.composer.replyLabel')}
          description={note ? t('conversation.composer.noteHint') : undefined}
          placeholder={note ? t('conversation.composer.notePlaceholder') : t('conversation.composer.replyPlaceholder')}
          autosize
          minRows={4}
          maxRows={16}
          value={body}
          error={error.body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setCaret(event.currentTarget.selectionStart);
            onTyping?.();
            if (error.body) setError((e) => ({ ...e, body: undefined }));
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => macroKeys.current?.(event)}
          onPaste={onPaste}
          classNames={{ input: note ? classes.noteInput : undefined }}
        />
        {isStaff && (
          <ComposerMacroPicker
            ticketNumber={ticket.number}
            state={macro}
            body={body}
            caret={caret}
            keys={macroKeys}
            onInsert={(next, at) => {
              setBody(next);
              setCaret(at);
              requestAnimationFrame(() => {
                box.current?.focus();
                box.current?.setSelectionRange(at, at);
              });
            }}
          />
        )}
        <ChosenMacro state={macro} />
        {note && (
          <MentionPicker
            groupId={ticket.group?.id ?? null}
            body={body}
            caret={caret}
            onPick={(next, at) => {
              setBody(next);
              setCaret(at);
              requestAnimationFrame(() => {
                box.current?.focus();
                box.current?.setSelectionRange(at, at);
              });
            }}
          />
        )}

        <Group gap="sm" wrap="wrap">
          <FileButton onChange={(files) => uploads.add(files)} multiple resetRef={resetFileInput}>
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={16} aria-hidden />} disabled={uploads.files.length >= maxFilesPerInteraction}>
                {t('conversation.composer.attach')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('conversation.composer.attachHint', { max: maxFilesPerInteraction })}
          </Text>
        </Group>
        {(uploads.limitError || error.files) && (
          <Text size="sm" c="red.8" role="alert">
            {uploads.limitError ?? error.files}
          </Text>
        )}
        {uploads.files.length > 0 && (
          <Box component="ul" className={classes.chips} aria-label={t('conversation.attachments')}>
            {uploads.files.map((file) => (
              <FileChip key={file.key} file={file} onRemove={() => uploads.remove(file.key)} />
            ))}
          </Box>
        )}

        <Group justify="flex-end" gap="sm">
          {note ? (
            <Button color="yellow.4" autoContrast leftSection={<IconLock size={16} aria-hidden />} loading={pending === 'note'} disabled={busy} onClick={() => submit('note')}>
              {t('conversation.composer.addNote')}
            </Button>
          ) : isStaff ? (
            <>
              {ticket.actions.proposeSolution && (
                <Button variant="default" leftSection={<IconBulb size={16} color="var(--mantine-color-teal-8)" aria-hidden />} loading={pending === 'propose_solution'} disabled={busy} onClick={() => submit('propose_solution')}>
                  {t('conversation.composer.proposeSolution')}
                </Button>
              )}
              <Button variant="light" loading={pending === 'ask_customer'} disabled={busy} onClick={() => submit('ask_customer')}>
                {t('conversation.composer.askCustomer')}
              </Button>
              <Button loading={pending === 'reply'} disabled={busy} onClick={() => submit('reply')}>
                {t('conversation.composer.reply')}
              </Button>
            </>
          ) : (
            <Button loading={pending === 'reply'} disabled={busy} onClick={() => submit('reply')}>
              {t('conversation.composer.send')}
            </Button>
          )}
        </Group>
      </Stack>
      {dragging && (
        <div className={classes.dropOverlay} aria-hidden>
          <IconUpload size={28} />
          <Text fw={600}>{t('conversation.composer.dropHere')}</Text>
        </div>
      )}
    </Paper>
  );
}
