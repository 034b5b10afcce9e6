import type { Config } from '../config/index.ts';
import type { Db } from '../store/db.ts';
import { ensureInstallationSecret } from '../store/repos/installationSecrets.ts';
import { randomSecret } from './secrets.ts';

/**
 * The key that signs respondents' handles: VOXPOP_SECRET_KEY when set,
 * otherwise one the installation made for itself and keeps in its database,
 * so every web process (and every restart) signs and checks alike.
 */
export async function withSigningKey(config: Config, db: Db): Promise<Config> {
  if (config.secretKey) return config;
  return { ...config, secretKey: await ensureInstallationSecret(db, 'respondent_handles', randomSecret(32)) };
}
