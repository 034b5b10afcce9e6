/**
 * The HTTP SMS gateway of an installation, described in a JSON file
 * (VOXPOP_SMS_GATEWAY_FILE) rather than in code: how to send (a request
 * template and its secrets) and, when the gateway forwards replies, how to
 * read them (a field mapping and the secret of the URL they are POSTed to).
 */
import fs from 'node:fs/promises';
import { z } from 'zod';
import { HttpGatewayTemplate } from './httpGatewayTemplate.ts';

export const GatewayFile = z.strictObject({
  template: HttpGatewayTemplate,
  secrets: z.record(z.string(), z.string()).default({}),
  inbound: z
    .strictObject({
      /** The URL is /api/v1/hooks/sms/<secret>: long and random, it is the only credential a gateway without signatures can carry. */
      secret: z.string().min(24).max(200),
      mapping: z.strictObject({ from: z.string().min(1), to: z.string().min(1).optional(), text: z.string().min(1), at: z.string().min(1).optional() }),
    })
    .optional(),
});
export type GatewayFile = z.infer<typeof GatewayFile>;

/** Reads and checks the file; the message names the file and the problem, never a secret. */
export async function loadGatewayFile(file: string): Promise<GatewayFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`VOXPOP_SMS_GATEWAY_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`VOXPOP_SMS_GATEWAY_FILE: ${file} is not JSON`);
  }
  const parsed = GatewayFile.safeParse(json);
  if (!parsed.success) throw new Error(`VOXPOP_SMS_GATEWAY_FILE: ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
