import { Pill, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maxAdditionalEmails } from '../../../contracts/tickets';

/**
 * "E-mails adicionais": addresses typed or pasted as tags. `errors` holds the form's messages;
 * this field shows one for the list, naming the first wrong address, and marks every wrong one.
 */
export function AdditionalEmailsInput({
  emails,
  errors,
  onChange,
  onTooMany,
}: {
  emails: string[];
  errors: Record<string, string>;
  onChange: (emails: string[]) => void;
  onTooMany: (message: string) => void;
}) {
  const { t } = useTranslation();
  const badEmails = new Set(
    Object.keys(errors)
      .filter((name) => name.startsWith('additionalEmails.'))
      .map((name) => Number(name.split('.')[1])),
  );
  const firstBad = [...badEmails].sort((a, b) => a - b)[0];
  const error =
    errors.additionalEmails ??
    (firstBad !== undefined ? t('ticketForm.emailError', { email: emails[firstBad] ?? '', message: errors[`additionalEmails.${firstBad}`] ?? '' }) : undefined);

  return (
    <TagsInput
      label={t('tickets.fields.additionalEmails')}
      description={t('ticketForm.emailsHelp', { max: maxAdditionalEmails })}
      placeholder={emails.length ? undefined : t('ticketForm.emailsPlaceholder')}
      value={emails}
      onChange={onChange}
      maxTags={maxAdditionalEmails}
      onMaxTags={() => onTooMany(t('validation.tooManyEmails', { max: maxAdditionalEmails }))}
      splitChars={[',', ';', ' ']}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      clearable
      clearButtonProps={{ 'aria-label': t('ticketForm.clearEmails') }}
      error={error}
      renderPill={({ value, onRemove }) => {
        const bad = badEmails.has(emails.indexOf(value ?? ''));
        return (
          <Pill
            withRemoveButton
            onRemove={onRemove}
            // Mantine hides the remove button from keyboards and readers (Backspace removes the last
            // address); a wrong address in the middle deserves a button of its own.
            removeButtonProps={{ 'aria-label': t('ticketForm.removeEmail', { email: value ?? '' }), 'aria-hidden': false, tabIndex: 0 }}
            bg={bad ? 'red.0' : undefined}
            c={bad ? 'red.9' : undefined}
            bd={bad ? '1px solid var(--mantine-color-red-8)' : undefined}
          >
            {value}
          </Pill>
        );
      }}
    />
  );
}
