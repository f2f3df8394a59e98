/**
 * The audit's per-file module summary, recorded in the lint pass: a hidden rule in the same ESLint traversal
 * as the plugin's rules (so each file is parsed once) that hands the file's calls to the one producer of
 * summaries, the rule-kit's `moduleSummariser` (src/rule-kit/flow/summary.ts, on the same per-file caches the
 * rules use), and keeps what it returns. The summary is plain JSON: it goes through worker messages and the
 * on-disk cache, and it never holds a secret. The scanner joins summaries through the module graph
 * (src/scanner/graph.ts) to pick the few files the ts-morph step must see (src/scanner/detect/cross-file.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { moduleSummariser, type ModuleSummary } from '../../rule-kit/flow/summary.js';
import { needsInventory } from '../inventory.js';

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

/** What the rule recorded for one file: its summary, and its calls when the inventory wants them. */
export interface Recorded {
  readonly summary: ModuleSummary;
  readonly calls: ReadonlyArray<CallLike>;
}

/** What the rule recorded on the file it last ran on; read (and cleared) by `takeRecorded` right after `verify`. */
let last: Recorded | undefined;

/** What the rule recorded during the last `Linter.verify`, once. */
export function takeRecorded(): Recorded | undefined {
  const s = last;
  last = undefined;
  return s;
}

/**
 * Records the summary of one file during the lint traversal. Reports nothing. Registered by the scanner's
 * lint config only (src/scanner/detect/lint.ts), never by the plugin's presets.
 */
export const summaryRule: TSESLint.RuleModule<'none', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'Records what crosses module boundaries, for the audit (internal, reports nothing)' },
    messages: { none: 'never reported' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sc = context.sourceCode;
    // The key inventory (src/scanner/inventory.ts) reads the same calls: collected here, not walked again. Its
    // keyword prefilter (a sink or KMS module named in the text) is also the summariser's, for key sinks.
    const calls: CallLike[] | undefined = needsInventory(sc.text) ? [] : undefined;
    const summariser = moduleSummariser(sc, { sinks: calls !== undefined });
    const onCall = (node: CallLike): void => {
      calls?.push(node);
      summariser.onCall(node);
    };
    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'AssignmentExpression > MemberExpression.left'(node: TSESTree.MemberExpression) {
        summariser.onMemberWrite(node);
      },
      'Program:exit'() {
        last = { summary: summariser.finish(), calls: calls ?? [] };
      },
    };
  },
};
