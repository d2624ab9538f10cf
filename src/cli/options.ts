import { Option } from 'commander';
import { loadConfig, type ConfigOverrides } from '../server/config.js';

export const dataDirOption = () =>
  new Option('--data-dir <dir>', 'directory of the embedded PGlite database (env DATA_DIR; default ./data)');
export const databaseUrlOption = () =>
  new Option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL); overrides --data-dir');

export function configFrom(opts: ConfigOverrides) {
  return loadConfig(process.env, opts);
}
