CREATE INDEX "responses_tenant_completed_idx" ON "responses" USING btree ("tenant_id","completed_at") WHERE "responses"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "metric_rollups_tenant_survey_day_idx" ON "metric_rollups" USING btree ("tenant_id","survey_id","day");--> statement-breakpoint
-- Rollups now also keep month rows and each employee's department (store/repos/rollups.ts):
-- forget how far the rollup job has read, so its next run rebuilds every tenant's rollups with them.
DELETE FROM "rollup_watermarks";
