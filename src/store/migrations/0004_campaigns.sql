CREATE TABLE "campaign_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"contact_id" uuid,
	"step" smallint NOT NULL,
	"attempt" smallint NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"tries" smallint DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"address" text,
	"provider_ids" text[],
	"parts" smallint,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"reason" text,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_attempts_status_check" CHECK ("campaign_attempts"."status" in ('scheduled', 'sending', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'cancelled', 'in_doubt')),
	CONSTRAINT "campaign_attempts_channel_check" CHECK ("campaign_attempts"."channel" in ('email', 'sms', 'voice'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"pause_reason" text,
	"audience" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"send_window" jsonb,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_in_days" integer DEFAULT 30 NOT NULL,
	"plan_status" text DEFAULT 'pending' NOT NULL,
	"plan_cursor" uuid,
	"planned" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"launched_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('draft', 'running', 'paused', 'completed', 'cancelled')),
	CONSTRAINT "campaigns_plan_status_check" CHECK ("campaigns"."plan_status" in ('pending', 'planning', 'done'))
);
--> statement-breakpoint
CREATE TABLE "channel_settings" (
	"tenant_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_settings_tenant_id_channel_pk" PRIMARY KEY("tenant_id","channel"),
	CONSTRAINT "channel_settings_channel_check" CHECK ("channel_settings"."channel" in ('email', 'sms'))
);
--> statement-breakpoint
CREATE TABLE "event_hooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"contact_id" uuid,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"invitations" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "contact_hours_from" text DEFAULT '09:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "contact_hours_to" text DEFAULT '21:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_attempts" ADD CONSTRAINT "campaign_attempts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD CONSTRAINT "channel_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hooks" ADD CONSTRAINT "event_hooks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hooks" ADD CONSTRAINT "event_hooks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_events" ADD CONSTRAINT "service_events_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_attempts_step_key" ON "campaign_attempts" USING btree ("invitation_id","step","attempt");--> statement-breakpoint
CREATE INDEX "campaign_attempts_due_idx" ON "campaign_attempts" USING btree ("campaign_id","due_at") WHERE "campaign_attempts"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "campaign_attempts_sending_idx" ON "campaign_attempts" USING btree ("claimed_at") WHERE "campaign_attempts"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "campaign_attempts_campaign_idx" ON "campaign_attempts" USING btree ("campaign_id","channel","status");--> statement-breakpoint
CREATE INDEX "campaign_attempts_provider_idx" ON "campaign_attempts" USING gin ("provider_ids");--> statement-breakpoint
CREATE INDEX "campaign_attempts_contact_idx" ON "campaign_attempts" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "campaigns_tenant_idx" ON "campaigns" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_running_idx" ON "campaigns" USING btree ("status") WHERE "campaigns"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "event_hooks_secret_key" ON "event_hooks" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "event_hooks_tenant_idx" ON "event_hooks" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_events_event_key" ON "service_events" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "service_events_tenant_idx" ON "service_events" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "invitations_campaign_idx" ON "invitations" USING btree ("campaign_id") WHERE "invitations"."campaign_id" is not null;