import type { JobDefinition } from './define.ts';
import { analyticsRollupJob } from './definitions/analytics.ts';
import { campaignDispatchJob, campaignPlanJob, campaignTestSendJob } from './definitions/campaigns.ts';
import { cleanupJob } from './definitions/cleanup.ts';
import { commentsAnalyseJob, commentsTrainJob } from './definitions/comments.ts';
import { contactImportCheckJob, contactImportRunJob } from './definitions/contactImports.ts';
import { sendEmailJob } from './definitions/sendEmail.ts';
import { webhookDeliverJob } from './definitions/webhooks.ts';

/** Every background job, in one list. A job not listed here is never run. */
export const jobs: JobDefinition[] = [sendEmailJob, cleanupJob, contactImportCheckJob, contactImportRunJob, webhookDeliverJob, campaignPlanJob, campaignDispatchJob, campaignTestSendJob, analyticsRollupJob, commentsAnalyseJob, commentsTrainJob] as JobDefinition[];

/** Recurring jobs: [job, cron pattern (minute hour day month weekday, UTC)]. */
export const cronJobs: Array<{ job: JobDefinition; pattern: string }> = [
  { job: cleanupJob as JobDefinition, pattern: '17 * * * *' },
  { job: analyticsRollupJob as JobDefinition, pattern: '* * * * *' },
  { job: commentsAnalyseJob as JobDefinition, pattern: '* * * * *' },
];
