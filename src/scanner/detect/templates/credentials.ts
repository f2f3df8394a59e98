/**
 * Credentials a template or manifest declares that nothing rotates (catalogue `templateCredentials`): long-lived
 * cloud user keys and Kubernetes service-account token Secrets.
 * The Terraform and CloudFormation readers hand over their resources as `DeclaredResource`s; Kubernetes manifests
 * are read here from their parsed YAML documents. A value the reader cannot know exempts nothing and reports
 * nothing (an unknown exemption keeps the resource quiet).
 */
import { isMap, isPair, isScalar, type Node } from 'yaml';
import { templateCredentials, type TemplateCredential } from '../../../catalogue/template-credentials.js';
import type { TemplateHit } from './hits.js';
import { exemptionOf, type ResourceView } from './resources.js';
import { keyText, type ParsedDocs } from './yaml.js';

/** One resource of a template, as its reader sees it. */
export interface DeclaredResource {
  readonly type: string;
  readonly view: ResourceView;
}

const rule = 'keyhygiene/template-missing-rotation' as const;

const byFormat = (format: TemplateCredential['format']): Map<string, TemplateCredential> =>
  new Map(templateCredentials.filter((c) => c.format === format).map((c) => [c.type, c]));
const credentials = { terraform: byFormat('terraform'), cloudformation: byFormat('cloudformation') };
const k8sTypes = byFormat('kubernetes');

function message(c: TemplateCredential, name: string): string {
  switch (c.kind) {
    case 'access-key':
      return `${c.title} ${name} is a long-lived key: nothing rotates it and it stays valid until deleted; ${c.fix}.`;
    case 'service-account-token':
      return `Secret ${name} holds a service-account token that never expires: ${c.fix}.`;
  }
}

/** Findings for the credentials among a Terraform or CloudFormation file's resources. */
export function credentialHits(
  format: 'terraform' | 'cloudformation',
  resources: readonly DeclaredResource[],
): TemplateHit[] {
  const table = credentials[format];
  const hits: TemplateHit[] = [];
  for (const res of resources) {
    const c = table.get(res.type);
    if (!c || exemptionOf(res.view, c.exemptions) !== undefined) continue;
    hits.push({
      ruleId: rule,
      offset: res.view.offset,
      match: `${c.id}:${res.view.name}:rotation`,
      message: message(c, res.view.name),
    });
  }
  return hits;
}

/** Cheap test before reading a YAML file as Kubernetes manifests. */
export const mayHoldK8sCredential = (text: string): boolean => text.includes('service-account-token');

/** `kind: Secret` documents whose `type` is a catalogue credential type; the finding sits at `type`. */
export function kubernetesCredentialHits(parsed: ParsedDocs): TemplateHit[] {
  if ('error' in parsed) return [];
  const hits: TemplateHit[] = [];
  for (const doc of parsed.docs) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const field = (name: string) => root.items.find((p) => isPair(p) && keyText(p.key) === name);
    const scalar = (name: string): string | undefined => {
      const v = field(name)?.value;
      return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    };
    const typePair = field('type');
    const c = k8sTypes.get(scalar('type') ?? '');
    if (scalar('kind') !== 'Secret' || !c || !typePair) continue;
    const meta = field('metadata')?.value;
    const namePair = isMap(meta) ? meta.items.find((p) => isPair(p) && keyText(p.key) === 'name') : undefined;
    const name = isScalar(namePair?.value) ? String(namePair.value.value) : '(unnamed)';
    hits.push({
      ruleId: rule,
      offset: (typePair.key as Node).range?.[0] ?? 0,
      match: `${c.id}:${name}:rotation`,
      message: message(c, `'${name}'`),
    });
  }
  return hits;
}
