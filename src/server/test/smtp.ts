import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps every mail it receives, parsed. It can refuse the
 * first mails (`rejectFirst`, with `rejectCode`: 451 "try again later" by default, 550 for a
 * permanent refusal) and answer each mail only after `answerDelayMs`, as a slow server does; a
 * mail it has received counts as delivered even if the sender stopped waiting for the answer.
 */
export async function startTestSmtp(options: { rejectFirst?: number; rejectCode?: number; answerDelayMs?: number } = {}) {
  const mails: ParsedMail[] = [];
  let toReject = options.rejectFirst ?? 0;
  let receiving = 0;
  let mostAtOnce = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      receiving++;
      mostAtOnce = Math.max(mostAtOnce, receiving);
      simpleParser(stream)
        .then(async (mail) => {
          if (toReject > 0) {
            toReject--;
            const code = options.rejectCode ?? 451;
            return callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
          }
          mails.push(mail);
          if (options.answerDelayMs) await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs));
          callback();
        })
        .catch(callback)
        .finally(() => receiving--);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** The most mails that were being received at the same moment. */
    mostAtOnce: () => mostAtOnce,
    /** Waits until a mail to `to` arrives that matches, and returns it. */
    async waitFor(to: string, match: (m: ParsedMail) => boolean = () => true, timeoutMs = 15_000): Promise<ParsedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => addressesOf(m).includes(to.toLowerCase()) && match(m));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms; got ${mails.map((m) => m.subject).join(', ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startTestSmtp>>;

/** Lower-cased recipient addresses of a parsed mail. */
export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}
