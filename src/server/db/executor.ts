import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** What a repository function runs on: the database, or the caller's open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;
