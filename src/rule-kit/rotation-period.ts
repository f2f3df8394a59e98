/**
 * A rotation period in days, read from how infrastructure code writes it (catalogue `PeriodFormat`):
 * plain days, a CDK `Duration.days(90)`, a Cloud KMS duration string (`'7776000s'`), or a protobuf
 * duration object (`{ seconds: 7776000 }`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { cdkDuration, durationStringPattern, type PeriodFormat } from '../catalogue/iac.js';
import { staticNumber, staticString, type Scope } from './ast.js';
import type { ImportMap } from './imports.js';
import { lookup, valueOf } from './option-objects.js';
import { calleePathOf } from './sinks.js';

/** The period `node` sets, in days, or undefined when it is not static. */
export function periodDays(
  node: TSESTree.Node,
  format: PeriodFormat,
  scope: Scope,
  imports: ImportMap,
): number | undefined {
  const n = valueOf(node, scope);
  switch (format) {
    case 'days':
      return staticNumber(n);
    case 'cdk-duration': {
      if (n.type !== T.CallExpression) return undefined;
      const cp = calleePathOf(n, imports, scope);
      const unit = cp?.path.startsWith('Duration.') ? cp.path.slice('Duration.'.length) : undefined;
      const perUnit = unit === undefined ? undefined : cdkDuration.daysPerUnit[unit];
      if (!cp?.binding || !cdkDuration.modules.includes(cp.binding.module) || perUnit === undefined) return undefined;
      const amount = n.arguments[0] ? staticNumber(valueOf(n.arguments[0], scope)) : undefined;
      return amount === undefined ? undefined : amount * perUnit;
    }
    case 'duration-string': {
      const m = durationStringPattern.exec(staticString(n) ?? '');
      return m ? Number(m[1]) / 86_400 : undefined;
    }
    case 'vault-duration': {
      const secs = staticNumber(n);
      if (secs !== undefined) return secs / 86_400;
      const m = /^(\d{1,9})([smhd]?)$/.exec(staticString(n)?.trim() ?? '');
      const perUnit: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };
      return m ? (Number(m[1]) * perUnit[m[2]!]!) / 86_400 : undefined;
    }
    case 'duration-object': {
      if (n.type === T.ObjectExpression) {
        const s = lookup(n, 'seconds', scope);
        if (s.kind !== 'found') return undefined;
        const v = valueOf(s.value, scope);
        const secs = staticNumber(v) ?? (staticString(v) === undefined ? undefined : Number(staticString(v)));
        return secs === undefined || Number.isNaN(secs) ? undefined : secs / 86_400;
      }
      const secs = staticNumber(n);
      if (secs !== undefined) return secs / 86_400;
      return periodDays(n, 'duration-string', scope, imports);
    }
  }
}
