/**
 * The checks on one declared KMS key or secret, shared by the CloudFormation and Terraform readers:
 * rotation (`missing-rotation`), recovery window and deletion policy (`unsafe-deletion`). The facts
 * come from the catalogue (`templateKeyResources`, the rotation ranges of `iac.ts`, the recovery
 * minimum of `deletion.ts`); a value the reader cannot know (an intrinsic, a variable) is never reported.
 */
import { defaultMinRecoveryDays, strictMinRecoveryDays } from '../../../catalogue/deletion.js';
import { durationStringPattern, type Exemption, type TemplateKeyResource } from '../../../catalogue/iac.js';
import type { InventoryItem } from '../../../report/types.js';
import type { TemplateHit } from './hits.js';

/** A value the reader could not resolve: `!Ref Param`, `{ "Fn::If": … }`, `var.rotate`. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Literal = string | number | boolean | null;

export interface Prop {
  readonly value: Literal | typeof UNKNOWN;
  /** Offset of the property's name in the file. */
  readonly offset: number;
}

/** How a reader exposes one resource. */
export interface ResourceView {
  /** `name` is the resource's name as its format writes it (`DataKey`, `aws_kms_key.data`). */
  readonly name: string;
  /** Offset of the resource's `Type` (CloudFormation) or `resource` keyword (Terraform). */
  readonly offset: number;
  /** A property by dotted path; `UNKNOWN` when part of the path is dynamic. */
  prop(path: string): Prop | typeof UNKNOWN | undefined;
  /** A resource-level attribute (CloudFormation `DeletionPolicy`). */
  attribute(name: string): Prop | undefined;
}

const asBool = (v: Literal | typeof UNKNOWN): boolean | typeof UNKNOWN =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : UNKNOWN;

const asNumber = (v: Literal | typeof UNKNOWN): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v) : undefined;

/** Days in a protobuf JSON duration (`'7776000s'`), or undefined. */
const durationDays = (v: Literal | typeof UNKNOWN): number | undefined => {
  if (typeof v !== 'string') return undefined;
  const m = durationStringPattern.exec(v.trim());
  return m ? Number(m[1]) / 86_400 : undefined;
};

const daysOf = (v: Literal | typeof UNKNOWN, unit: 'days' | 'gcp-duration' | 'duration-string'): number | undefined =>
  unit === 'days' ? asNumber(v) : durationDays(v);

const fmtDays = (d: number): string => (Number.isInteger(d) ? String(d) : d.toFixed(1));
const inDays = (d: number): string => `${fmtDays(d)} ${d === 1 ? 'day' : 'days'}`;

/** The exemption that applies, `UNKNOWN` when an exempting property holds an unknown value, or undefined. */
export function exemptionOf(
  view: ResourceView,
  exemptions: readonly Exemption[],
): Exemption | typeof UNKNOWN | undefined {
  let unknown = false;
  for (const ex of exemptions) {
    const p = view.prop(ex.property);
    if (p === undefined) continue;
    if (p === UNKNOWN || p.value === UNKNOWN) {
      unknown = true;
      continue;
    }
    const v = p.value;
    if (ex.values ? typeof v === 'string' && ex.values.includes(v) : v !== null && v !== '' && v !== false) return ex;
    if (ex.values && typeof v === 'boolean' && ex.values.includes(String(v))) return ex;
  }
  return unknown ? UNKNOWN : undefined;
}

const what = (res: TemplateKeyResource): string =>
  res.noun ?? (/secret/i.test(res.type) ? 'secret' : res.type.startsWith('google') ? 'Cloud KMS key' : 'KMS key');

const ruleRotation = 'keyhygiene/template-missing-rotation' as const;
const ruleDeletion = 'keyhygiene/template-unsafe-deletion' as const;

/** Findings and an inventory row for one resource. */
export function checkResource(
  res: TemplateKeyResource,
  view: ResourceView,
): { hits: TemplateHit[]; inventory?: Omit<InventoryItem, 'locations'> } {
  const hits: TemplateHit[] = [];
  const label = res.format === 'terraform' ? `${what(res)} ${view.name}` : `${what(res)} '${view.name}' (${res.type})`;
  const assign = (property: string, value: string): string =>
    res.format === 'cloudformation' ? `${property}: ${value}` : `${property} = ${value}`;
  const match = (check: string): string => `${res.id}:${view.name}:${check}`;
  let rotation: string | undefined;

  // ---- rotation ----
  if (res.enable || res.requireOneOf) {
    const exempt = exemptionOf(view, res.exemptions);
    if (exempt === UNKNOWN) rotation = 'unknown (key spec not static)';
    else if (exempt) rotation = `exempt (${exempt.reason})`;
    else {
      const enable = res.enable ? view.prop(res.enable) : undefined;
      const on = enable === undefined ? undefined : enable === UNKNOWN ? UNKNOWN : asBool(enable.value);
      if (res.enable && enable === undefined) {
        rotation = 'not enabled';
        hits.push({
          ruleId: ruleRotation,
          offset: view.offset,
          match: match('enable'),
          message:
            `${label} has no automatic rotation: add ${assign(res.enable, res.fix?.value ?? 'true')}` +
            `${res.format === 'cloudformation' ? ' to its Properties' : ''}.`,
        });
      } else if (res.enable && on === false && enable !== undefined && enable !== UNKNOWN) {
        rotation = 'disabled';
        hits.push({
          ruleId: ruleRotation,
          offset: enable.offset,
          match: match('enable'),
          message: `${label} turns automatic rotation off: set ${assign(res.enable, res.fix?.value ?? 'true')}.`,
        });
      } else if (on === UNKNOWN) {
        rotation = 'unknown (not a literal)';
      } else {
        const required = res.requireOneOf?.map((p) => view.prop(p));
        if (required && required.every((p) => p === undefined)) {
          rotation = 'not enabled';
          const fix = res.fix ?? { property: res.requireOneOf![0]!, value: '…' };
          hits.push({
            ruleId: ruleRotation,
            offset: view.offset,
            match: match('period-missing'),
            message:
              `${label} has no ${res.requireOneOf!.join(' or ')}, so it is never rotated: add ` +
              `${assign(fix.property, fix.value)} (${res.period ? `${res.period.maxDays} days` : 'a period'}).`,
          });
        } else if (res.period) {
          rotation = 'enabled';
          const p = view.prop(res.period.property);
          const days =
            p && p !== UNKNOWN ? daysOf(p.value, res.period.format === 'days' ? 'days' : 'duration-string') : undefined;
          if (p && p !== UNKNOWN && days !== undefined) {
            rotation = `enabled, every ${inDays(days)}`;
            if (days < res.period.minDays || days > res.period.maxDays) {
              hits.push({
                ruleId: ruleRotation,
                offset: p.offset,
                match: match('period'),
                message:
                  `${label} rotates every ${inDays(days)}, outside ${res.period.minDays} to ` +
                  `${res.period.maxDays} days (${res.period.source}): set ${res.period.property} within that range` +
                  (res.fix?.property === res.period.property
                    ? `, e.g. ${assign(res.fix.property, res.fix.value)}`
                    : '') +
                  `.`,
              });
            }
          }
        } else rotation = 'enabled';
      }
    }
  }

  // ---- recovery window ----
  let deletion: string | undefined;
  if (res.deletionWindow) {
    const p = view.prop(res.deletionWindow.property);
    const days = p && p !== UNKNOWN ? daysOf(p.value, res.deletionWindow.unit) : undefined;
    if (p && p !== UNKNOWN && days !== undefined) {
      deletion = `${res.deletionWindow.property} ${inDays(days)}`;
      if (days < defaultMinRecoveryDays) {
        const value =
          res.deletionWindow.unit === 'days' ? String(strictMinRecoveryDays) : `"${strictMinRecoveryDays * 86_400}s"`;
        hits.push({
          ruleId: ruleDeletion,
          offset: p.offset,
          match: match('window'),
          message:
            `${label} can be recovered for only ${inDays(days)} after deletion is requested` +
            `${days === 0 ? ' (deleted at once)' : ''}: set ${assign(res.deletionWindow.property, value)} ` +
            `(${res.deletionWindow.serviceDefaultDays ?? strictMinRecoveryDays} days is the service default), ` +
            `or remove it.`,
        });
      }
    }
  }

  // ---- CloudFormation deletion policies ----
  for (const attr of res.deletionPolicies ?? []) {
    const p = view.attribute(attr);
    if (!p || p.value !== 'Delete') continue;
    deletion = `${attr}: Delete`;
    hits.push({
      ruleId: ruleDeletion,
      offset: p.offset,
      match: match(attr),
      message:
        `${attr}: Delete on ${label} destroys it with the stack` +
        `${what(res) === 'secret' ? ', with no recovery window' : ''}: set ${attr}: Retain.`,
    });
  }

  // KMS keys become inventory rows; secrets are not keys.
  const inventory = /kms/i.test(res.type)
    ? {
        kind: 'key' as const,
        name: `${res.type.startsWith('google') ? 'Cloud KMS key' : 'AWS KMS key'} (${res.title})`,
        keySource: 'kms',
        ...(rotation ? { rotation } : {}),
        ...(deletion ? { deletion } : {}),
      }
    : undefined;
  return { hits, ...(inventory ? { inventory } : {}) };
}
