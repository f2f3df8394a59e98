/**
 * The jobs of a GitHub Actions workflow that run on GitHub-hosted runners, as text ranges. `runs-on` is a hosted
 * label (catalogue `hostedRunnerLabel`), a list of labels that are all hosted, or `${{ matrix.NAME }}` whose
 * matrix values are all hosted labels. A runner group, an expression that is not a matrix axis, a matrix with
 * `include` entries, or any label that is not hosted keeps the job out. Never throws: a workflow that does not
 * parse has no hosted jobs.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { hostedRunnerLabel } from '../../../catalogue/deletion.js';

/** GitHub's workflow directory (Gitea's and Forgejo's runners are always the user's own). */
const GITHUB_WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
const MATRIX_AXIS = /^\$\{\{\s*matrix\.([A-Za-z_][\w-]*)\s*\}\}$/;

export type TextRange = readonly [start: number, end: number];

/** Text ranges of the jobs that run on a GitHub-hosted runner; empty for any other file. */
export function hostedJobRanges(rel: string, text: string): TextRange[] {
  if (!GITHUB_WORKFLOW.test(rel) || !/\bruns-on\s*:/.test(text)) return [];
  let jobs: unknown;
  try {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) return [];
    jobs = doc.get('jobs', true);
  } catch {
    return [];
  }
  if (!isMap(jobs)) return [];
  const ranges: TextRange[] = [];
  for (const pair of jobs.items) {
    const job = pair.value;
    if (!isMap(job) || !job.range) continue;
    if (runsOnHosted(job.get('runs-on', true) as Node | undefined, job)) ranges.push([job.range[0], job.range[2]]);
  }
  return ranges;
}

function runsOnHosted(node: Node | undefined, job: { getIn(path: unknown[], keep: true): unknown }): boolean {
  const labels = labelsOf(node);
  if (labels === undefined) return false;
  if (labels.length === 1) {
    const axis = MATRIX_AXIS.exec(labels[0]!);
    if (axis) {
      if (job.getIn(['strategy', 'matrix', 'include'], true) !== undefined) return false;
      const values = labelsOf(job.getIn(['strategy', 'matrix', axis[1]], true) as Node | undefined);
      return values !== undefined && values.length > 0 && values.every((v) => hostedRunnerLabel.pattern.test(v));
    }
  }
  return labels.length > 0 && labels.every((l) => hostedRunnerLabel.pattern.test(l));
}

/** A scalar's or a list of scalars' string values; undefined for anything else. */
function labelsOf(node: Node | undefined): string[] | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value.trim()] : undefined;
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return undefined;
    out.push(item.value.trim());
  }
  return out;
}

/** Whether an offset lies inside one of the ranges. */
export const insideRanges = (ranges: readonly TextRange[], offset: number): boolean =>
  ranges.some(([s, e]) => offset >= s && offset < e);
