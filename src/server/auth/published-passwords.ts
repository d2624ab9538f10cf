/**
 * Passwords published with the product, which anyone can read in the README and the demo's
 * start-up banner: the demo accounts sign in with DEMO_PASSWORD (defined with the auth schemas, where
 * the sign-in page reads it too). They are refused as anybody's new password (checkNewPassword),
 * so a real installation never ends up with one.
 */
import { DEMO_PASSWORD } from '../../shared/schemas/auth.schema.js';

export { DEMO_PASSWORD };

/** Case, spaces and punctuation do not make a published password a different one. */
const normalise = (password: string) => password.toLowerCase().replace(/[^a-z0-9]+/g, '');

const PUBLISHED = [DEMO_PASSWORD].map(normalise);

/** Whether the password is a published one, or one with a few characters around it ("Demo.Modena.2026!"). */
export function isPublishedPassword(password: string): boolean {
  const candidate = normalise(password);
  return PUBLISHED.some((published) => candidate.includes(published));
}
