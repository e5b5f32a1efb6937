/**
 * The checks that keep browser mode's API to the learner's own tab: the Host header (defeats DNS
 * rebinding), the Origin header (defeats other web pages), and the per-launch bearer token
 * (defeats other local users and programs that cannot read the printed URL).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh per-launch secret: 32 random bytes as hex. */
export const newToken = (): string => randomBytes(32).toString('hex');

/** The Host values this server answers to: its loopback address or `localhost`, on its own port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** True when the Host header names this server (case-insensitively, as hosts compare). */
export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).has(host);
}

/**
 * True when there is no Origin header (same-origin GETs, non-browser clients) or it is exactly this
 * server's origin as the request addressed it. `Origin: null` (sandboxed frames, files) is refused.
 */
export function isAllowedOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${request.headers.host?.toLowerCase() ?? ''}`;
}

/** Hashing both sides first gives equal lengths, so the comparison time says nothing about the token. */
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** True when the request carries `Authorization: Bearer <token>` with the right token. */
export function hasValidToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  if (header === undefined) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}
