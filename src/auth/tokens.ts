/**
 * Bearer-token access control. Tokens are configured as `name:token` pairs (READ_TOKENS,
 * EDITOR_TOKENS); the name is what the follow-up history records as "who". A presented token
 * is compared with every configured one in constant time (SHA-256 digests compared with
 * timingSafeEqual), and tokens never reach a log line or an error message.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type AccessRole = 'editor' | 'reader' | 'anonymous';

export interface Principal {
  readonly role: AccessRole;
  /** The name the token is registered under; absent for anonymous callers. */
  readonly name?: string;
  /** Whether an Authorization header was sent but its token is not known. */
  readonly rejectedToken?: boolean;
}

export interface TokenEntry {
  readonly name: string;
  readonly token: string;
}

/** Parse `name:token,name:token`; a bare token gets the name `token-<n>`. */
export function parseTokenList(value: string): TokenEntry[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const colon = entry.indexOf(':');
      return colon > 0 ? { name: entry.slice(0, colon).trim(), token: entry.slice(colon + 1).trim() } : { name: `token-${i + 1}`, token: entry };
    });
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export class AccessControl {
  private readonly editors: { name: string; digest: Buffer }[];
  private readonly readers: { name: string; digest: Buffer }[];

  constructor(options: { editorTokens: readonly TokenEntry[]; readTokens: readonly TokenEntry[] }) {
    this.editors = options.editorTokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
    this.readers = options.readTokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  }

  /** Reads need a token only when READ_TOKENS is set. */
  get readsRestricted(): boolean {
    return this.readers.length > 0;
  }

  /** Who is calling, from the Authorization header. */
  identify(authorization: string | undefined): Principal {
    if (!authorization) return { role: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { role: 'anonymous', rejectedToken: true };
    const presented = digest(match[1]!);
    // Compare against every token so the time taken does not depend on which one matches.
    let editor: string | undefined;
    let reader: string | undefined;
    for (const e of this.editors) if (timingSafeEqual(presented, e.digest)) editor ??= e.name;
    for (const r of this.readers) if (timingSafeEqual(presented, r.digest)) reader ??= r.name;
    if (editor) return { role: 'editor', name: editor };
    if (reader) return { role: 'reader', name: reader };
    return { role: 'anonymous', rejectedToken: true };
  }
}
