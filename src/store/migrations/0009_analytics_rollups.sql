CREATE TABLE "metric_rollups" (
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"metric_key" text NOT NULL,
	"day" date NOT NULL,
	"dimension" text NOT NULL,
	"dimension_value" text NOT NULL,
	"counts" integer[] NOT NULL,
	"n" integer NOT NULL,
	"sum" bigint NOT NULL,
	"sum_squares" bigint NOT NULL,
	CONSTRAINT "metric_rollups_pkey" PRIMARY KEY("tenant_id","survey_id","metric_key","day","dimension","dimension_value"),
	CONSTRAINT "metric_rollups_counts_check" CHECK (cardinality("metric_rollups"."counts") = 11)
);
--> statement-breakpoint
CREATE TABLE "rollup_watermarks" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"seen_through" timestamp with time zone,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_watermarks" ADD CONSTRAINT "rollup_watermarks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_rollups_tenant_metric_day_idx" ON "metric_rollups" USING btree ("tenant_id","metric_key","dimension","day");--> statement-breakpoint
CREATE INDEX "responses_tenant_updated_idx" ON "responses" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "responses_completed_idx" ON "responses" USING btree ("tenant_id","survey_id","completed_at") WHERE "responses"."status" = 'completed';