/**
 * What a worker process runs for campaigns besides jobs: the SMS connection
 * (SMPP when configured, else the dev outbox) with its delivery receipts and
 * STOP replies, the bounce receiver, and the campaign ticker.
 */
import path from 'node:path';
import pLimit from 'p-limit';
import { optOutByPhone, recordBounce, recordSmsReceipt, smsSendsInFlight } from '../app/campaigns/deliveryStatus.ts';
import { startCampaignTicker } from '../app/campaigns/ticker.ts';
import type { AppContext } from '../app/context.ts';
import { startBounceReceiver } from '../channels/email/bounceReceiver.ts';
import { loadGatewayFile } from '../channels/sms/gatewayConfig.ts';
import { createHttpGatewaySender } from '../channels/sms/httpGatewaySender.ts';
import { createOutboxSmsSender } from '../channels/sms/outboxSmsSender.ts';
import type { SmsDeliveryReceipt, SmsSender } from '../channels/sms/port.ts';
import { createSmppSender } from '../channels/sms/smppSender.ts';
import { isOptOutReply } from '../domain/sms/optOut.ts';

const RECEIPTS_AT_ONCE = 3;

/**
 * How a worker takes delivery receipts: a few at a time (a burst must not take
 * every pooled connection from the senders), and one whose message's send is
 * not recorded yet is refused, so the SMSC delivers it again later. Returns
 * what happened to each, for counting.
 */
export function receiptRecorder(ctx: AppContext, onUnknown: (receipt: SmsDeliveryReceipt) => void = () => {}) {
  const slots = pLimit(RECEIPTS_AT_ONCE);
  return (receipt: SmsDeliveryReceipt) =>
    slots(async () => {
      const outcome = await recordSmsReceipt(ctx, receipt);
      // Thrown, the SMPP layer answers "try later" (ESME_RX_T_APPN) and the SMSC delivers the receipt again.
      if (outcome === 'unknown' && (await smsSendsInFlight(ctx))) throw new Error('delivery receipt for a message whose send is not recorded yet');
      if (outcome === 'unknown') onUnknown(receipt);
      return outcome;
    });
}

export interface CampaignServices {
  stop: () => Promise<void>;
}

export async function startCampaignServices(ctx: AppContext): Promise<CampaignServices> {
  const log = ctx.log.child({ component: 'campaigns' });
  const sms = await openSms(ctx);
  ctx.sms = sms;
  const record = receiptRecorder(ctx, (receipt) => log.debug({ messageId: receipt.messageId }, 'delivery receipt for a message not sent by a campaign'));
  const unsubscribeReceipts = sms.onReceipt(async (receipt) => {
    await record(receipt);
  });
  const unsubscribeIncoming = sms.onIncoming?.(async (incoming) => {
    if (!isOptOutReply(incoming.text)) return;
    const organisations = await optOutByPhone(ctx, incoming.from);
    log.info({ organisations }, 'STOP reply: the number is now on do-not-contact');
  });
  const bounceConfig = ctx.config.campaigns.bounceReceiver;
  const bounceAddress = ctx.config.campaigns.bounceAddress;
  const bounces =
    bounceConfig && bounceAddress
      ? await startBounceReceiver({
          host: bounceConfig.host,
          port: bounceConfig.port,
          bounceAddress,
          logger: log,
          onBounce: async (report, envelope) => {
            const attemptIds = [...envelope.attemptIds, ...(report.originalHeaders['x-voxpop-attempt'] ? [report.originalHeaders['x-voxpop-attempt']] : [])];
            const counts = await recordBounce(ctx, { attemptIds, recipients: report.recipients });
            log.info(counts, 'bounce received');
          },
        })
      : null;
  if (bounces) log.info({ port: bounces.port }, 'bounce receiver listening');
  const ticker = startCampaignTicker(ctx, ctx.config.campaigns.tickMs);
  return {
    stop: async () => {
      await ticker.stop();
      await bounces?.close();
      unsubscribeReceipts();
      unsubscribeIncoming?.();
      await sms.close();
      ctx.sms = undefined;
    },
  };
}

async function openSms(ctx: AppContext): Promise<SmsSender> {
  const smpp = ctx.config.sms.smpp;
  if (!smpp && ctx.config.sms.gatewayFile) {
    const gateway = await loadGatewayFile(ctx.config.sms.gatewayFile);
    ctx.log.info({ origin: new URL(gateway.template.url.replace(/\{[^}]+\}/g, 'x')).origin }, 'sending SMS through an HTTP gateway');
    return createHttpGatewaySender({ template: gateway.template, secrets: gateway.secrets });
  }
  if (!smpp) return createOutboxSmsSender(path.join(ctx.config.dataDir, 'outbox', 'sms'));
  ctx.log.info({ host: smpp.host, port: smpp.port, systemId: smpp.systemId, window: smpp.windowSize }, 'sending SMS over SMPP');
  return createSmppSender({
    host: smpp.host,
    port: smpp.port,
    systemId: smpp.systemId,
    password: smpp.password,
    ...(smpp.systemType ? { systemType: smpp.systemType } : {}),
    windowSize: smpp.windowSize,
    onEvent: (event) => ctx.log.info({ component: 'smpp', event: event.type }, 'SMPP connection'),
  });
}
