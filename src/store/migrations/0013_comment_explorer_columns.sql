ALTER TABLE "comment_analyses" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD COLUMN "attributes" jsonb;--> statement-breakpoint
ALTER TABLE "comment_analyses" ADD COLUMN "channel" text;--> statement-breakpoint
-- The comment explorer filters and sorts on its response's completion time, attributes and channel:
-- keep them on the analysis (the comment job writes them from the response, store/repos/comments.ts)
-- so a page is found in comment_analyses alone. Existing analyses take them from their responses.
UPDATE "comment_analyses" ca
   SET "completed_at" = r."completed_at", "attributes" = r."attributes", "channel" = r."channel"
  FROM "responses" r
 WHERE r."id" = ca."response_id";--> statement-breakpoint
-- A row written without them (by anything but the comment job) takes them from its response.
CREATE FUNCTION comment_analyses_response_columns() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.completed_at IS NULL OR NEW.attributes IS NULL OR NEW.channel IS NULL THEN
    NEW.completed_at := coalesce(NEW.completed_at, (SELECT r.completed_at FROM responses r WHERE r.id = NEW.response_id));
    NEW.attributes := coalesce(NEW.attributes, (SELECT r.attributes FROM responses r WHERE r.id = NEW.response_id));
    NEW.channel := coalesce(NEW.channel, (SELECT r.channel FROM responses r WHERE r.id = NEW.response_id));
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER comment_analyses_response_columns BEFORE INSERT ON "comment_analyses"
  FOR EACH ROW EXECUTE FUNCTION comment_analyses_response_columns();--> statement-breakpoint
CREATE INDEX "comment_analyses_tenant_completed_idx" ON "comment_analyses" USING btree ("tenant_id","completed_at" DESC NULLS LAST,"answer_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "comment_analyses_attributes_idx" ON "comment_analyses" USING gin ("attributes" jsonb_path_ops);--> statement-breakpoint
ANALYZE "comment_analyses";
