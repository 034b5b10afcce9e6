CREATE TABLE "comment_analyses" (
	"answer_id" bigint PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"topics" text[] NOT NULL,
	"topic_polarity" jsonb NOT NULL,
	"nps_score" smallint,
	"sentiment_score" real NOT NULL,
	"sentiment_label" text NOT NULL,
	"final_label" text NOT NULL,
	"disagreement" boolean NOT NULL,
	"taxonomy_version" integer NOT NULL,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end, translate(text, 'ёЁ', 'еЕ'))) STORED NOT NULL,
	CONSTRAINT "comment_analyses_language_check" CHECK ("comment_analyses"."language" in ('ru', 'en', 'other')),
	CONSTRAINT "comment_analyses_sentiment_check" CHECK ("comment_analyses"."sentiment_label" in ('negative', 'neutral', 'positive') and "comment_analyses"."final_label" in ('negative', 'neutral', 'positive'))
);
--> statement-breakpoint
CREATE TABLE "comment_watermarks" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"seen_through" timestamp with time zone,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD CONSTRAINT "comment_analyses_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD CONSTRAINT "comment_analyses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD CONSTRAINT "comment_analyses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD CONSTRAINT "comment_analyses_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_watermarks" ADD CONSTRAINT "comment_watermarks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_analyses_tenant_survey_idx" ON "comment_analyses" USING btree ("tenant_id","survey_id");--> statement-breakpoint
CREATE INDEX "comment_analyses_response_idx" ON "comment_analyses" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "comment_analyses_search_idx" ON "comment_analyses" USING gin ("search");--> statement-breakpoint
CREATE INDEX "comment_analyses_topics_idx" ON "comment_analyses" USING gin ("topics");