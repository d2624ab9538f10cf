import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one-time first-access link's token. It lives in the memory of the `serve` process only:
 * nothing to store, migrate or clean up; a copy of the database or of a backup reveals nothing;
 * a restart prints a new link and the old one stops working. Only its SHA-256 is kept once issued,
 * compared in constant time. Used once: a successful set-up closes it for good.
 */
export interface SetupLink {
  /** Creates the token (a new one each call) and returns it, to print in the link. */
  issue(): string;
  /** Whether this is the issued token (false when none was issued). */
  matches(token: string): boolean;
  /** Whether a set-up through the link has completed. */
  used(): boolean;
  markUsed(): void;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export function createSetupLink(): SetupLink {
  let issuedHash: Buffer | undefined;
  let done = false;
  return {
    issue() {
      const token = randomBytes(32).toString('base64url');
      issuedHash = digest(token);
      done = false;
      return token;
    },
    matches(token) {
      return issuedHash !== undefined && timingSafeEqual(digest(token), issuedHash);
    },
    used: () => done,
    markUsed() {
      done = true;
    },
  };
}

/** The path of the first-access page; the token follows `#`, so it never reaches a server log. */
export const SETUP_PAGE_PATH = '/primo-accesso';
