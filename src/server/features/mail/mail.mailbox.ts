import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Actor } from '../auth/auth.actor';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
const loopback = /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^::1$/;

/**
 * Whether the development mailbox opens for this request. It shows every company's mail with live
 * reset and invitation links, so: only in demo mode without SMTP_URL (with a mail server the mails
 * are really sent), then to a signed-in system administrator, or to someone not signed in on this
 * very machine — the socket's address, not a forwarded one, and only while no proxy is trusted:
 * behind a proxy on this machine every visitor would connect from loopback.
 */
export function devMailboxOpens(config: Pick<Config, 'demo' | 'smtpUrl' | 'trustProxy'>, request: FastifyRequest, actor: Actor | undefined = request.actor): boolean {
  if (!config.demo || config.smtpUrl) return false;
  if (actor) return actor.staffRole === 'admin';
  return config.trustProxy === false && loopback.test(request.socket.remoteAddress ?? '');
}
