CREATE TABLE "contact_outcomes" (
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"outcome_key" text NOT NULL,
	"value" double precision NOT NULL,
	"observed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_outcomes_pkey" PRIMARY KEY("tenant_id","contact_id","outcome_key")
);
--> statement-breakpoint
CREATE TABLE "weighting_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"dimension" text NOT NULL,
	"shares" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_classifiers" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_corrections" (
	"answer_id" bigint PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"topics" text[] NOT NULL,
	"sentiment" text NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_corrections_sentiment_check" CHECK ("comment_corrections"."sentiment" in ('negative', 'neutral', 'positive'))
);
--> statement-breakpoint
CREATE TABLE "topic_lexicons" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"taxonomy" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "contact_outcomes" ADD CONSTRAINT "contact_outcomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_outcomes" ADD CONSTRAINT "contact_outcomes_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weighting_schemes" ADD CONSTRAINT "weighting_schemes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_classifiers" ADD CONSTRAINT "comment_classifiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_corrections" ADD CONSTRAINT "comment_corrections_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_corrections" ADD CONSTRAINT "comment_corrections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_corrections" ADD CONSTRAINT "comment_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_lexicons" ADD CONSTRAINT "topic_lexicons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_lexicons" ADD CONSTRAINT "topic_lexicons_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_outcomes_tenant_key_idx" ON "contact_outcomes" USING btree ("tenant_id","outcome_key");--> statement-breakpoint
CREATE UNIQUE INDEX "weighting_schemes_tenant_name_idx" ON "weighting_schemes" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "comment_corrections_tenant_idx" ON "comment_corrections" USING btree ("tenant_id","corrected_at");