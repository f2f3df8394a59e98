/**
 * CloudFormation and SAM templates (YAML or JSON): the KMS keys and secrets under `Resources`, checked
 * by `resources.ts` with the catalogue's `templateKeyResources`. A file is a template when it has
 * `AWSTemplateFormatVersion` or a `Resources` map whose entries have a `Type: AWS::…`. A Serverless Framework
 * service (`serverless.yml`) carries the same map under `resources: { Resources: … }`.
 */
import { isMap, isPair, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { templateKeyResources } from '../../../catalogue/iac.js';
import { credentialHits, type DeclaredResource } from './credentials.js';
import type { TemplateHit, TemplateInventory } from './hits.js';
import { checkResource, type Literal, type Prop, type ResourceView, UNKNOWN } from './resources.js';
import { keyText, type ParsedDocs } from './yaml.js';

/** Cheap test before parsing: the marks every CloudFormation template carries. */
export const looksLikeCloudFormation = (text: string): boolean =>
  text.includes('AWSTemplateFormatVersion') || /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text);

const resources = new Map(templateKeyResources.filter((r) => r.format === 'cloudformation').map((r) => [r.type, r]));

/** A literal scalar's value; intrinsics (tagged nodes, `{ Ref: … }`, `{ "Fn::…": … }`) are unknown. */
function literal(node: unknown): Literal | typeof UNKNOWN {
  if (isScalar(node) && !node.tag) {
    const v = node.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : UNKNOWN;
  }
  return UNKNOWN;
}

function pairOf(map: YAMLMap | undefined, name: string): Pair | undefined {
  if (!map) return undefined;
  for (const p of map.items) if (isPair(p) && keyText(p.key) === name) return p;
  return undefined;
}

const propOf = (p: Pair | undefined): Prop | undefined =>
  p ? { value: literal(p.value), offset: (p.key as Node).range?.[0] ?? 0 } : undefined;

export interface TemplateRead {
  readonly hits: TemplateHit[];
  readonly inventory: TemplateInventory[];
}

/**
 * Findings for a template (`parsed` is `parseDocs(text)`), or `undefined` when the text is not a template.
 * `{ error }` when it looks like one and does not parse (the caller reports the file as skipped).
 */
export function readCloudFormation(text: string, parsed: ParsedDocs): TemplateRead | { error: string } | undefined {
  if (!looksLikeCloudFormation(text)) return undefined;
  if ('error' in parsed) return { error: parsed.error };
  const hits: TemplateHit[] = [];
  const inventory: TemplateInventory[] = [];
  let isTemplate = false;
  for (const doc of parsed.docs) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const own = pairOf(root, 'Resources')?.value;
    const sls = pairOf(root, 'resources')?.value;
    const res = isMap(own) ? own : isMap(sls) ? pairOf(sls, 'Resources')?.value : undefined;
    if (!isMap(res)) continue;
    isTemplate ||= !!pairOf(root, 'AWSTemplateFormatVersion');
    const declared: DeclaredResource[] = [];
    for (const entry of res.items) {
      const name = keyText(entry.key);
      const body = entry.value;
      if (name === undefined || !isMap(body)) continue;
      const typePair = pairOf(body, 'Type');
      const type = typePair ? literal(typePair.value) : undefined;
      if (typeof type !== 'string') continue;
      if (type.startsWith('AWS::')) isTemplate = true;
      const propsNode = pairOf(body, 'Properties')?.value;
      const props = isMap(propsNode) ? propsNode : undefined;
      // Properties written as an intrinsic (`Properties: !If …`) cannot be read at all.
      if (propsNode && !props) continue;
      const view: ResourceView = {
        name,
        offset: (typePair!.key as Node).range?.[0] ?? 0,
        prop: (path) => propOf(pairOf(props, path)),
        attribute: (attr) => propOf(pairOf(body, attr)),
      };
      declared.push({ type, view });
      const entryDef = resources.get(type);
      if (!entryDef) continue;
      const out = checkResource(entryDef, view);
      hits.push(...out.hits);
      if (out.inventory) inventory.push({ offset: view.offset, item: out.inventory });
    }
    hits.push(...credentialHits('cloudformation', declared));
  }
  return isTemplate ? { hits, inventory } : undefined;
}
