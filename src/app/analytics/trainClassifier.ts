import { classifierActive, MAX_TRAINING_EXAMPLES, trainClassifier, type ClassifierModel } from '../../domain/comments/classifier.ts';
import { requestCommentAnalysis } from '../../jobs/definitions/comments.ts';
import { correctionExamples, lockClassifierTraining, saveCommentClassifier } from '../../store/repos/commentLearning.ts';
import type { AppContext } from '../context.ts';
import { loadCommentEngine } from './commentEngine.ts';

/** JSON with sorted keys: a model read back from jsonb has its keys in another order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
const sameModel = (a: ClassifierModel | null, b: ClassifierModel) => a !== null && canonical({ ...a, generation: 0 }) === canonical({ ...b, generation: 0 });

/**
 * Retrains the tenant's classifier from its corrections (the newest
 * MAX_TRAINING_EXAMPLES) and stores it. The model's generation — and so the
 * tenant's analysis version — moves only when its predictions may change (a
 * different model, active before or after), and then the tenant's comments
 * are re-analysed by the comments.analyse job. Safe to run twice.
 */
export async function trainTenantClassifier(ctx: AppContext, tenantId: string): Promise<{ examples: number; generation: number; changed: boolean }> {
  return ctx.db.transaction(async (tx) => {
    await lockClassifierTraining(tx, tenantId);
    const tenant = await loadCommentEngine(tx, tenantId);
    const { taxonomy, classifier: previous } = tenant.engine;
    const examples = await correctionExamples(tx, tenantId, MAX_TRAINING_EXAMPLES);
    const learnable = taxonomy.topics.map((t) => t.id).filter((id) => id !== taxonomy.fallbackTopic);
    const generation = previous?.generation ?? 0;
    const model = trainClassifier(examples, learnable, generation);
    const different = !sameModel(previous, model);
    const changed = different && (classifierActive(previous) || classifierActive(model));
    if (changed) model.generation = generation + 1;
    if (different) await saveCommentClassifier(tx, tenantId, { model, examples: examples.length, at: ctx.clock.now() });
    if (changed) await requestCommentAnalysis(tx, tenantId);
    return { examples: examples.length, generation: model.generation, changed };
  });
}
