/**
 * The audit's checks on infrastructure templates and configuration files (issues 11 and 12):
 * - CloudFormation/SAM templates (`.yaml .yml .json .template`) and Terraform (`.tf`): KMS keys without
 *   rotation or with a period out of range (`keyhygiene/template-missing-rotation`), short recovery
 *   windows and `DeletionPolicy: Delete` on keys and secrets, Key Vault retention, buckets of keys force-destroyed,
 *   and `rm` of a key file in CI steps, shell scripts and Dockerfiles (`keyhygiene/template-unsafe-deletion`);
 * - YAML/JSON/`.properties`/`.env`/`.ini`/`.conf` settings that choose a weak cipher, cipher suite,
 *   curve or key size (`keyhygiene/config-weak-algorithm`), and PBKDF2 iteration counts under the floor
 *   of `no-password-as-key` (`keyhygiene/config-password-as-key`);
 * - settings named as an IV that hold a fixed IV's bytes (`keyhygiene/config-static-iv`, config-ivs.ts);
 * - long-lived cloud user keys and Kubernetes service-account token Secrets (`keyhygiene/template-missing-rotation`,
 *   credentials.ts).
 * Test and fixture paths are skipped, as the rules skip test files. Called once per non-code text file
 * by `analyse.ts`; never throws for a file.
 */
import { isTestFile } from '../../../rule-kit/files.js';
import { type FileResult, LineMap, safeDetail } from '../../common.js';
import { applyInlineAllows } from '../../suppress.js';
import { extOf, textKindOf } from '../text.js';
import { looksLikeCloudFormation, readCloudFormation } from './cloudformation.js';
import { IV_KEYWORDS } from './config-ivs.js';
import { isManifest, jsonMayHoldSettings, lineConfigHits, structuredConfigHits } from './config.js';
import { kubernetesCredentialHits, mayHoldK8sCredential } from './credentials.js';
import { hitsToFindings, type TemplateHit, type TemplateInventory } from './hits.js';
import { hostedJobRanges, insideRanges } from './hosted-jobs.js';
import { isShellHost, shellRemovalHits } from './shell-removals.js';
import { readTerraform } from './terraform.js';
import { parseDocs } from './yaml.js';

const LINE_CONFIG = new Set(['.properties', '.ini', '.cfg', '.conf', '.toml', '.ovpn']);

/**
 * Keyword prefilter for the config check: every setting name it reads (catalogue `algorithmSettings`,
 * `kdfIterationSetting`) contains one of these, so a file without any is not parsed a second time.
 */
export const SETTING_KEYWORDS = new RegExp(
  'cipher|algo|block.?mode|\\balg\\b|encrypt|curve|key.?(?:size|length|bits)|modulus|prime|rsa|dh|iteration|rounds|' +
    // protocol-version settings (their values must name TLS or SSL)
    'tls|ssl|min.?version|max.?version|secure.?protocol|protocol.?version|security.?policy',
  'i',
);
const MAX_BYTES = 1024 * 1024;

/** The template and config findings of one non-code text file. */
export function scanTemplateFile(rel: string, text: string): Pick<FileResult, 'findings' | 'inventory' | 'skipped'> {
  const none = { findings: [], inventory: [], skipped: [] };
  if (text.length > MAX_BYTES || isTestFile(rel) || isManifest(rel) || /(?:^|\/)cdk\.out\//.test(rel)) return none;
  const ext = extOf(rel);
  const kind = textKindOf(rel);
  const hits: TemplateHit[] = [];
  const inventory: TemplateInventory[] = [];
  const skipped: FileResult['skipped'] = [];
  if (kind === 'json' || kind === 'yaml' || ext === '.template') {
    const cfnLike = looksLikeCloudFormation(text);
    const settings =
      kind !== 'text' &&
      (SETTING_KEYWORDS.test(text) || IV_KEYWORDS.test(text)) &&
      (kind !== 'json' || jsonMayHoldSettings(text));
    const k8s = kind === 'yaml' && mayHoldK8sCredential(text);
    // One parse for every reader (the secrets pass in text.ts parses on its own).
    const parsed = cfnLike || settings || k8s ? parseDocs(text) : undefined;
    const cfn = parsed ? readCloudFormation(text, parsed) : undefined;
    if (cfn && 'error' in cfn) {
      skipped.push({ file: rel, reason: 'syntax-error', detail: safeDetail(`CloudFormation template: ${cfn.error}`) });
    } else if (cfn) {
      hits.push(...cfn.hits);
      inventory.push(...cfn.inventory);
    }
    if (parsed && settings) hits.push(...structuredConfigHits(text, parsed));
    if (parsed && k8s) hits.push(...kubernetesCredentialHits(parsed));
  } else if (ext === '.tf') {
    const tf = readTerraform(text);
    if (tf) {
      hits.push(...tf.hits);
      inventory.push(...tf.inventory);
    }
  } else if ((kind === 'dotenv' || LINE_CONFIG.has(ext)) && (SETTING_KEYWORDS.test(text) || IV_KEYWORDS.test(text))) {
    hits.push(...lineConfigHits(text));
  }
  // `rm` of a key file in CI steps, shell scripts and Dockerfiles; not in a job on a GitHub-hosted runner, whose VM
  // and disk are discarded when the job ends.
  if (isShellHost(rel)) {
    const removals = shellRemovalHits(text);
    // The workflow is parsed for its jobs only when it removes a key file.
    const hosted = removals.length > 0 ? hostedJobRanges(rel, text) : [];
    hits.push(...removals.filter((h) => !insideRanges(hosted, h.offset)));
  }
  if (hits.length === 0 && inventory.length === 0 && skipped.length === 0) return none;
  const map = new LineMap(text);
  return {
    findings: applyInlineAllows(hitsToFindings(rel, map, hits), map),
    inventory: inventory.map((r) => {
      const { line, column } = map.at(r.offset);
      return { ...r.item, locations: [{ file: rel, line, column }] };
    }),
    skipped,
  };
}

/** A text file's result with the template and config findings added. */
export function withTemplateFindings(result: FileResult, rel: string, text: string): FileResult {
  const t = scanTemplateFile(rel, text);
  if (t.findings.length === 0 && t.inventory.length === 0 && t.skipped.length === 0) return result;
  return {
    ...result,
    findings: [...result.findings, ...t.findings],
    inventory: [...result.inventory, ...t.inventory],
    skipped: [...result.skipped, ...t.skipped],
  };
}
