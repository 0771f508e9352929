import { translate, type Language } from '../../../contracts/i18n';

export type MailContent = {
  language: Language;
  recipientName: string;
  paragraphs: string[];
  action?: { label: string; url: string };
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders one mail as HTML and plain text from the same content. */
export function renderMail(content: MailContent): { html: string; text: string } {
  const t = (key: string, params?: Record<string, string | number>) => translate(content.language, key, params);
  const greeting = t('mail.greeting', { name: content.recipientName });
  const footer = t('mail.footer');
  const text = [
    greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '--',
    footer,
  ].join('\n');
  const button = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 18px;background:#1c7ed6;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:12px;color:#555">${escapeHtml(content.action.url)}</p>`
    : '';
  const html = `<!doctype html>
<html lang="${content.language}"><body style="font-family:Arial,sans-serif;color:#222;max-width:600px">
<p>${escapeHtml(greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${button}
<hr><p style="font-size:12px;color:#777">${escapeHtml(footer)}</p>
</body></html>`;
  return { html, text };
}
