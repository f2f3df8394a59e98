import { keyringClassWithoutPeriod, keyringWithoutPeriod } from '../src/rule-kit/keyring-periods.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import {
  dataKeyGenerators,
  iacKeyResources,
  jwtSigners,
  keyringOpeners,
  type IacKeyResource,
} from '../src/catalogue/iac.js';
import { staticNumber, type Scope } from '../src/rule-kit/ast.js';
import { jwtModuleSigners } from '../src/catalogue/jwt-modules.js';
import { createRule } from '../src/rule-kit/create-rule.js';
import { isTestFile } from '../src/rule-kit/files.js';
import { cachedDataKey } from '../src/rule-kit/data-key-caches.js';
import { collectImports, type ImportMap } from '../src/rule-kit/imports.js';
import { CompanionLedger } from '../src/rule-kit/companion-calls.js';
import { SecretLedger } from '../src/rule-kit/secret-rotations.js';
import { longCertificate } from '../src/rule-kit/certificate-lifetimes.js';
import { certificateLifetimes } from '../src/catalogue/iac.js';
import { apiPathText } from '../src/rule-kit/immediate-deletions.js';
import { signsWithoutKeyId } from '../src/rule-kit/jwt-modules.js';
import { isStaticKey } from '../src/rule-kit/key-selection.js';
import { chainRoot } from '../src/rule-kit/method-calls.js';
import { checkJoseHeader, checkJwtOptions, type KidCtx } from '../src/rule-kit/jwt-kid-checks.js';
import { keyedByClaimedRecord } from '../src/rule-kit/claim-keyed.js';
import {
  exemptionOf,
  insertArgument,
  insertProperty,
  lookup,
  propsOf,
  symbolOf,
  valueOf,
  type Lookup,
} from '../src/rule-kit/option-objects.js';
import { periodDays } from '../src/rule-kit/rotation-period.js';
import { stageComparison } from '../src/rule-kit/rotation-guards.js';
import {
  anyShapeMatches,
  calleePathOf,
  matchSinks,
  reachOf,
  sinkMatches,
  type CalleePath,
} from '../src/rule-kit/sinks.js';

type MessageIds =
  | 'rotationOff'
  | 'periodMissing'
  | 'periodOutOfRange'
  | 'createKeyNoRotation'
  | 'jwtNoKid'
  | 'jweNoKid'
  | 'keyringRotationOff'
  | 'keyringPeriodTooLong'
  | 'enableRotation'
  | 'setRotationPeriod'
  | 'addKeyId'
  | 'keyringRotation'
  | 'keyringNoPeriod'
  | 'secretNoRotation'
  | 'accessKeyNoRotation'
  | 'certificateTooLong'
  | 'dataKeyCached';
type Options = [];

type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
/** What the module-level checks need from the rule's `create`. */
interface Ctx {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ImportMap;
}

const KEY_ROLES: ReadonlySet<string> = new Set(['secret', 'key', 'private-key']);

const round = (d: number): string => String(Math.round(d * 100) / 100);
/**
 * Every shape the resource and keyring loops of the call listener test, as one exact prefilter (`reachOf`): a call
 * it turns away matches none of them, so the loops are skipped for it (most calls in a file).
 */
const mayOpenKey = reachOf([
  ...iacKeyResources.flatMap((r) => [...r.match, ...(r.companion?.match ?? [])]),
  ...keyringOpeners.map((o) => o.match),
]);

/** A property added to the options object, or the options argument added when there is none. */
function addOption(ctx: Ctx, node: Call, obj: TSESTree.ObjectExpression | undefined, index: number, text: string) {
  return obj
    ? (fixer: TSESLint.RuleFixer) => insertProperty(fixer, ctx.sourceCode, obj, text)
    : insertArgument(node, index, text);
}

/** Rotation switched off or never switched on (`enableKeyRotation`). */
function checkEnable(
  ctx: Ctx,
  node: Call,
  res: IacKeyResource,
  obj: TSESTree.ObjectExpression | undefined,
  scope: Scope,
) {
  const enable = res.enable!;
  const l: Lookup = obj ? lookup(obj, enable, scope) : { kind: 'unknown' };
  if (!obj || l.kind === 'absent') {
    const add = addOption(ctx, node, obj, res.propsIndex, `${enable}: true`);
    ctx.context.report({
      node,
      messageId: 'rotationOff',
      data: { resource: res.title, property: enable, state: 'unset' },
      ...(add ? { suggest: [{ messageId: 'enableRotation', data: { property: enable }, fix: add }] } : {}),
    });
  } else if (l.kind === 'found') {
    // `props?.rotateKeys ?? false`: off unless a caller remembers to turn it on.
    const v = valueOf(l.value, scope);
    const off =
      symbolOf(l.value, scope) === 'false'
        ? l.value
        : v.type === T.LogicalExpression && v.operator !== '&&' && symbolOf(v.right, scope) === 'false'
          ? v.right
          : undefined;
    // `enableKeyRotation: prod` with `const prod = props.stage === 'production'`: every other stage never rotates.
    const stage = off ? undefined : stageComparison(l.value, scope);
    if (!off && stage === undefined) return;
    const at = off ?? l.value;
    const fix: Fix = (fixer) => fixer.replaceText(at, 'true');
    const state =
      stage !== undefined
        ? `on only where a value equals '${stage}'`
        : off === l.value
          ? 'set to false'
          : 'false unless a caller sets it';
    ctx.context.report({
      node: l.prop,
      messageId: 'rotationOff',
      data: { resource: res.title, property: enable, state },
      suggest: [{ messageId: 'enableRotation', data: { property: enable }, fix }],
    });
  }
}

/** No rotation period at all, where the resource has no on/off switch (Cloud KMS). */
function checkPeriodSet(
  ctx: Ctx,
  node: Call,
  res: IacKeyResource,
  obj: TSESTree.ObjectExpression | undefined,
  scope: Scope,
) {
  const props = res.requireOneOf!;
  if (obj && !props.every((p) => lookup(obj, p, scope).kind === 'absent')) return;
  const fix = res.fix;
  const add = fix ? addOption(ctx, node, obj, res.propsIndex, `${fix.property}: ${fix.value}`) : undefined;
  ctx.context.report({
    node,
    messageId: 'periodMissing',
    data: { resource: res.title, properties: props.join('/') },
    ...(add && fix
      ? { suggest: [{ messageId: 'setRotationPeriod', data: { property: fix.property, value: fix.value }, fix: add }] }
      : {}),
  });
}

/** A rotation period outside the provider's range. */
function checkPeriodRange(ctx: Ctx, res: IacKeyResource, obj: TSESTree.ObjectExpression, scope: Scope): void {
  const period = res.period!;
  const l = lookup(obj, period.property, scope);
  if (l.kind !== 'found') return;
  const days = periodDays(l.value, period.format, scope, ctx.imports);
  if (days === undefined || (days >= period.minDays && days <= period.maxDays)) return;
  // Only a duration string can be swapped for the suggested value on its own.
  const fix = res.fix;
  const swap = fix && fix.property === period.property && period.format === 'duration-string' ? fix : undefined;
  ctx.context.report({
    node: l.value,
    messageId: 'periodOutOfRange',
    data: {
      resource: res.title,
      property: period.property,
      days: round(days),
      min: String(period.minDays),
      max: String(period.maxDays),
      source: period.source,
    },
    ...(swap
      ? {
          suggest: [
            {
              messageId: 'setRotationPeriod',
              data: { property: swap.property, value: swap.value },
              fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(l.value, swap.value),
            },
          ],
        }
      : {}),
  });
}

/** A key resource: checks its props; returns false when they cannot be read (nothing is judged). */
function checkResource(ctx: Ctx, node: Call, res: IacKeyResource, scope: Scope): boolean {
  const props = propsOf(node, res.propsIndex, res.propsPath, scope);
  if (props.kind === 'unknown') return false;
  const obj = props.kind === 'object' ? props.obj : undefined;
  if (exemptionOf(res.exemptions, obj, scope)) return false;
  if (res.enable) checkEnable(ctx, node, res, obj, scope);
  if (res.requireOneOf) checkPeriodSet(ctx, node, res, obj, scope);
  if (res.period && obj) checkPeriodRange(ctx, res, obj, scope);
  return true;
}

/** A keyring opened with rotation off, or with a cryptoperiod past NIST SP 800-57's. */
function checkKeyring(ctx: Ctx, node: Call, opener: (typeof keyringOpeners)[number], scope: Scope): void {
  const props = propsOf(node, opener.propsIndex, undefined, scope);
  if (props.kind !== 'object') return;
  const r = lookup(props.obj, opener.rotation, scope);
  if (r.kind !== 'found') return;
  const max = String(opener.maxDays);
  const days = String(opener.suggestedDays);
  if (symbolOf(r.value, scope) === 'false') {
    ctx.context.report({
      node: r.value,
      messageId: 'keyringRotationOff',
      data: { max },
      suggest: [
        {
          messageId: 'keyringRotation',
          data: { days },
          fix: (fixer) => fixer.replaceText(r.value, `{ ${opener.maxAge}: ${days} }`),
        },
      ],
    });
    return;
  }
  const policy = valueOf(r.value, scope);
  if (policy.type !== T.ObjectExpression) return;
  const age = lookup(policy, opener.maxAge, scope);
  if (age.kind !== 'found') return;
  const n = staticNumber(valueOf(age.value, scope));
  if (n === undefined || n <= opener.maxDays) return;
  ctx.context.report({
    node: age.value,
    messageId: 'keyringPeriodTooLong',
    data: { days: round(n), max },
    suggest: [{ messageId: 'keyringRotation', data: { days }, fix: (fixer) => fixer.replaceText(age.value, days) }],
  });
}

export default createRule<Options, MessageIds>({
  name: 'require-key-rotation',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require automatic rotation for KMS keys and secrets in infrastructure code, no long-lived IAM user keys or ' +
        'decades-long certificates, a key id on signed JWTs, and a bounded keyring cryptoperiod',
      recommended: 'recommended',
      category: 'missing-rotation',
      cwe: [324, 320],
    },
    hasSuggestions: true,
    messages: {
      rotationOff:
        '{{resource}} creates a symmetric KMS key with {{property}} {{state}}: its key material is never rotated, ' +
        'so one key protects every byte it ever encrypts.',
      periodMissing:
        '{{resource}} creates an encryption key with no automatic rotation ({{properties}} unset): the key service ' +
        'keeps one key version for as long as the key lives.',
      periodOutOfRange:
        '{{resource}} sets {{property}} to {{days}} days, outside {{min}} to {{max}} days ({{source}}).',
      createKeyNoRotation:
        '{{resource}} creates a key that can rotate automatically, but this module never calls {{companion}}: ' +
        'the key is never rotated.',
      jwtNoKid:
        "{{signer}} signs with one static key and no '{{header}}' header: verifiers cannot tell an old key from a " +
        'new one, so the key cannot be rotated without breaking every token already issued.',
      jweNoKid:
        "{{signer}} encrypts with one static key and no '{{header}}' header: the recipient cannot tell an old key " +
        'from a new one, so the key cannot be rotated without breaking every token already issued.',
      keyringRotationOff:
        'The keyring is opened with rotation turned off: one key version stays in use with no end, past the NIST ' +
        'SP 800-57 cryptoperiod of {{max}} days for data-encryption keys.',
      keyringPeriodTooLong:
        'The keyring rotates after {{days}} days, longer than the NIST SP 800-57 cryptoperiod of {{max}} days for ' +
        'data-encryption keys.',
      enableRotation: 'Turn on automatic rotation ({{property}}: true).',
      setRotationPeriod: 'Rotate every 90 days ({{property}}: {{value}}).',
      addKeyId:
        "Name the key in the token header ({{property}}: '{{kid}}'), and bump it with each new key so verifiers " +
        'pick the key by its kid.',
      keyringRotation: 'Rotate every {{days}} days (the keyring default).',
      keyringNoPeriod:
        'Keyring {{keyring}} has no cryptoperiod: {{why}}. Give keys a maximum age and rotate them (NIST SP ' +
        '800-57 Part 1 §5.3).',
      secretNoRotation:
        '{{resource}} is never rotated, while this module gives other secrets a rotation schedule: it keeps its ' +
        'first value for as long as it lives. Add a rotation schedule for it (addRotationSchedule).',
      accessKeyNoRotation:
        "{{resource}} creates a long-lived access key (an IAM user's or a service account's): nothing rotates it, " +
        'and it stays valid until it is deleted. Give the workload a role (temporary credentials), or replace the ' +
        'key on a schedule.',
      dataKeyCached:
        '{{resource}} makes a data key that is kept for every later encryption with nothing bounding its age: the ' +
        "KMS key's rotation never reaches it. Make a fresh data key per object, or cap the cached key's age and use.",
      certificateTooLong:
        'The certificate stays valid for {{years}} years, past {{max}}: its key is in practice never replaced, and ' +
        'a stolen key stays trusted as long. Issue it for a shorter period and renew it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // Test code builds throwaway stacks and signs throwaway tokens on purpose.
    if (isTestFile(context.filename, context.cwd)) return {};
    const sourceCode = context.sourceCode;
    const ctx: Ctx = { context, sourceCode, imports: new Map() };
    const kidCtx: KidCtx = { report: (d) => context.report(d), sourceCode };
    /** CreateKeyCommand calls waiting for the module to show (or not) an EnableKeyRotationCommand. */
    const ledger = new CompanionLedger();
    /** Secrets waiting for the module to show a rotation call that names them; access keys, reported at once. */
    const secrets = new SecretLedger(sourceCode);

    /** The IaC key resources and keyring openers a call may be (the catalogue's lists, in order). */
    const checkKeyResources = (node: Call, cp: CalleePath, scope: Scope): void => {
      for (const res of iacKeyResources) {
        if (res.pathPattern && !res.pathPattern.test(apiPathText(node.arguments[0]) ?? '')) continue;
        if (res.companion && anyShapeMatches(res.companion.match, cp)) ledger.companion(node, res, scope);
        if (anyShapeMatches(res.match, cp) && checkResource(ctx, node, res, scope) && res.companion)
          ledger.created(node, res, scope, sourceCode);
      }
      for (const opener of keyringOpeners) if (sinkMatches(opener.match, cp)) checkKeyring(ctx, node, opener, scope);
    };

    const reportCertificate = (long: ReturnType<typeof longCertificate>): void => {
      if (!long) return;
      const data = { years: round(long.years), max: String(certificateLifetimes.maxYears) };
      context.report({ node: long.node, messageId: 'certificateTooLong', data });
    };

    return {
      Program(program) {
        ctx.imports = collectImports(program);
      },
      AssignmentExpression(node) {
        reportCertificate(longCertificate(node, undefined, sourceCode.getScope(node)));
      },
      ClassDeclaration(cls) {
        const ring = keyringClassWithoutPeriod(cls, sourceCode);
        if (ring) context.report({ node: ring.node, messageId: 'keyringNoPeriod', data: ring.data });
      },
      'CallExpression, NewExpression'(node: Call) {
        const scope = sourceCode.getScope(node);
        // Framework JWT configuration (NestJS, Fastify): recognised from the call's shape, not only its import.
        for (const m of jwtModuleSigners) {
          const at = signsWithoutKeyId(node, m, ctx.imports, scope, sourceCode);
          if (at) context.report({ node: at, messageId: 'jwtNoKid', data: { signer: m.title, header: 'kid' } });
        }
        const cp = calleePathOf(node, ctx.imports, scope);
        const key = secrets.observe(node, cp, scope);
        if (key) context.report({ node, messageId: 'accessKeyNoRotation', data: { resource: key.res.title } });
        reportCertificate(longCertificate(node, cp, scope));
        if (!cp) return;
        if (cachedDataKey(node, cp, (n) => sourceCode.getScope(n), sourceCode))
          context.report({ node, messageId: 'dataKeyCached', data: { resource: dataKeyGenerators.title } });
        if (mayOpenKey(cp)) checkKeyResources(node, cp, scope);
        const ring = node.type === T.NewExpression ? keyringWithoutPeriod(node, scope, sourceCode.ast) : undefined;
        if (ring) context.report({ node, messageId: 'keyringNoPeriod', data: ring.data });
        const hits = matchSinks(node, ctx.imports, scope, KEY_ROLES);
        // `generate(p, { key })`: when a member of the argument is the key, the object around it is not.
        const wraps = (h: (typeof hits)[number]): boolean =>
          !h.arg.property && hits.some((o) => o.sink === h.sink && o.arg.index === h.arg.index && !!o.arg.property);
        for (const hit of hits) {
          const signer = jwtSigners.find((s) => s.sinkId === hit.sink.id);
          if (!signer || wraps(hit) || !isStaticKey(hit.node, sourceCode, chainRoot(node, scope).arguments[0]))
            continue;
          // Keyed by the record its aud/sub/iss claim names (claim-keyed.ts): one key per client or caller.
          if (keyedByClaimedRecord(node, hit.node, scope)) continue;
          if (signer.kidless)
            context.report({ node, messageId: 'jwtNoKid', data: { signer: signer.title, header: signer.fix.header } });
          if (signer.options) checkJwtOptions(kidCtx, node, signer, scope);
          if (signer.headerMethod) checkJoseHeader(kidCtx, node, signer, scope);
        }
      },
      'Program:exit'() {
        for (const { node, res } of ledger.uncovered()) {
          context.report({
            node,
            messageId: 'createKeyNoRotation',
            data: { resource: res.title, companion: res.companion!.title },
          });
        }
        for (const { node, res } of secrets.uncovered())
          context.report({ node, messageId: 'secretNoRotation', data: { resource: res.title } });
      },
    };
  },
});
