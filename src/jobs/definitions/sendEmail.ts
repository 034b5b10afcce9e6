import { z } from 'zod';
import { emailTemplates } from '../../i18n/emails.ts';
import { defineJob } from '../define.ts';

/** Renders a system email and hands it to the mailer. Retried by the queue; the idempotency key makes a retry the same message. */
export const sendEmailJob = defineJob({
  id: 'email.send',
  version: 1,
  payload: z.object({
    to: z.email(),
    template: z.enum(['password_reset', 'account_invite']),
    locale: z.enum(['ru', 'en']),
    vars: z.object({ name: z.string(), link: z.url() }),
    idempotencyKey: z.string().min(1),
  }),
  handler: async (ctx, data) => {
    const { subject, text } = emailTemplates[data.template][data.locale](data.vars);
    const { messageId } = await ctx.mailer.send({ to: data.to, subject, text, idempotencyKey: data.idempotencyKey }, ctx.config.mail.from);
    ctx.log.info({ template: data.template, messageId, mailer: ctx.mailer.name }, 'email sent');
  },
});
