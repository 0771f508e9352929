import type { Kysely } from 'kysely';
import { isLanguage, translate, defaultLanguage } from '../../../contracts/i18n';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { enqueueMail } from '../mail/mail.outbox';
import { renderMail } from '../mail/mail.render';

/** Queues the mail with a link to the set-password page; the token travels only in the link. */
export async function sendPasswordLink(
  db: Kysely<Database>,
  config: Pick<Config, 'publicUrl'>,
  input: { personId: string; token: string; kind: 'reset' },
): Promise<void> {
  const person = await db
    .selectFrom('person')
    .select(['name', 'email', 'language'])
    .where('id', '=', input.personId)
    .executeTakeFirstOrThrow();
  const language = isLanguage(person.language) ? person.language : defaultLanguage;
  const t = (key: string) => translate(language, `mail.resetPassword.${key}`);
  const url = `${config.publicUrl}/set-password?token=${encodeURIComponent(input.token)}`;
  const { html, text } = renderMail({
    language,
    recipientName: person.name,
    paragraphs: [t('body'), t('ignore')],
    action: { label: t('action'), url },
  });
  await enqueueMail(db, { to: person.email, subject: t('subject'), html, text });
}
