import type { Actor } from '../../domain/access.ts';
import { WEIGHTING_NAME_MAX_LENGTH, weightingSharesProblems, type SchemeProblem } from '../../domain/analytics/weightingScheme.ts';
import { DomainError } from '../../domain/errors.ts';
import { customDimensionKeyProblem, isBuiltInDimension } from '../../domain/surveys/dimensions.ts';
import {
  deleteWeightingScheme as deleteRow,
  findWeightingScheme,
  insertWeightingScheme,
  listWeightingSchemes as listRows,
  nameTaken,
  updateWeightingScheme as updateRow,
  type WeightingSchemeRow,
} from '../../store/repos/weightingSchemes.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

/** Reading schemes goes with reading results; changing them changes what the dashboard reports, so it needs survey management. */
const READ = 'responses.read' as const;
const WRITE = 'surveys.manage' as const;

export interface WeightingSchemeInput {
  name: string;
  dimension: string;
  shares: Record<string, number>;
}

function check(input: Partial<WeightingSchemeInput>): void {
  const problems: SchemeProblem[] = [];
  if (input.name !== undefined && (input.name.trim() === '' || input.name.length > WEIGHTING_NAME_MAX_LENGTH)) {
    problems.push({ path: 'name', message: `A name has 1 to ${WEIGHTING_NAME_MAX_LENGTH} characters` });
  }
  if (input.dimension !== undefined && !isBuiltInDimension(input.dimension) && customDimensionKeyProblem(input.dimension)) {
    problems.push({ path: 'dimension', message: customDimensionKeyProblem(input.dimension)!.message });
  }
  if (input.shares !== undefined) problems.push(...weightingSharesProblems(input.shares));
  if (problems.length > 0) throw new DomainError('validation', problems.map((p) => p.message).join('; '), { errors: problems });
}

const nameConflict = () =>
  new DomainError('validation', 'The organisation has a weighting scheme with this name already', { errors: [{ path: 'name', message: 'The organisation has a weighting scheme with this name already' }] });

export async function createWeightingScheme(ctx: AppContext, actor: Actor, tenantId: string, input: WeightingSchemeInput, meta: RequestMeta): Promise<WeightingSchemeRow> {
  requireTenantPermission(actor, tenantId, WRITE);
  check(input);
  return ctx.db.transaction(async (tx) => {
    const row = await insertWeightingScheme(tx, { tenantId, name: input.name.trim(), dimension: input.dimension, shares: input.shares });
    if (!row) throw nameConflict();
    await recordAudit(tx, actor, meta, {
      action: 'weighting_scheme.created',
      tenantId,
      targetType: 'weighting_scheme',
      targetId: row.id,
      details: { name: row.name, dimension: row.dimension, values: Object.keys(row.shares).length },
    });
    return row;
  });
}

export async function listWeightingSchemes(ctx: AppContext, actor: Actor, tenantId: string): Promise<WeightingSchemeRow[]> {
  requireTenantPermission(actor, tenantId, READ);
  return listRows(ctx.db, tenantId);
}

export async function getWeightingScheme(ctx: AppContext, actor: Actor, tenantId: string, schemeId: string): Promise<WeightingSchemeRow> {
  requireTenantPermission(actor, tenantId, READ);
  const row = await findWeightingScheme(ctx.db, tenantId, schemeId);
  if (!row) throw notFound('Weighting scheme');
  return row;
}

export async function updateWeightingScheme(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  schemeId: string,
  patch: Partial<WeightingSchemeInput>,
  meta: RequestMeta,
): Promise<WeightingSchemeRow> {
  requireTenantPermission(actor, tenantId, WRITE);
  check(patch);
  return ctx.db.transaction(async (tx) => {
    const before = await findWeightingScheme(tx, tenantId, schemeId, { forUpdate: true });
    if (!before) throw notFound('Weighting scheme');
    const name = patch.name?.trim();
    if (name !== undefined && (await nameTaken(tx, tenantId, name, schemeId))) throw nameConflict();
    const row = await updateRow(tx, tenantId, schemeId, {
      ...(name !== undefined ? { name } : {}),
      ...(patch.dimension !== undefined ? { dimension: patch.dimension } : {}),
      ...(patch.shares !== undefined ? { shares: patch.shares } : {}),
      updatedAt: ctx.clock.now(),
    });
    const changed = (['name', 'dimension', 'shares'] as const).filter((k) => patch[k] !== undefined);
    await recordAudit(tx, actor, meta, { action: 'weighting_scheme.updated', tenantId, targetType: 'weighting_scheme', targetId: schemeId, details: { changed } });
    return row!;
  });
}

export async function deleteWeightingScheme(ctx: AppContext, actor: Actor, tenantId: string, schemeId: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, WRITE);
  await ctx.db.transaction(async (tx) => {
    const before = await findWeightingScheme(tx, tenantId, schemeId);
    if (!before || !(await deleteRow(tx, tenantId, schemeId))) throw notFound('Weighting scheme');
    await recordAudit(tx, actor, meta, { action: 'weighting_scheme.deleted', tenantId, targetType: 'weighting_scheme', targetId: schemeId, details: { name: before.name } });
  });
}
