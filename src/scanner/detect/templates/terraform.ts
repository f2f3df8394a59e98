/**
 * Terraform (`*.tf`): a small reader of HCL's block structure, enough for `resource "type" "name" { … }`
 * with its attributes and nested blocks (`version_template { … }`). No HCL dependency: the native
 * syntax needed here is blocks, `name = expression` lines, strings, heredocs and three comment styles.
 * An expression other than a number, `true`/`false` or a string without `${…}` is unknown, and unknown
 * values are never reported. Malformed input never throws: an unclosed block ends at the end of file.
 */
import { keyStoreName, templateKeyBuckets } from '../../../catalogue/deletion.js';
import { templateKeyResources, templateSecretPayloads } from '../../../catalogue/iac.js';
import { normaliseName } from '../../../detect/names.js';
import type { TemplateRead } from './cloudformation.js';
import { terraformSettingHits } from './config.js';
import type { TemplateInventory } from './hits.js';
import { credentialHits, type DeclaredResource } from './credentials.js';
import { checkResource, type Literal, type Prop, type ResourceView, UNKNOWN } from './resources.js';

interface TfAttr {
  readonly name: string;
  readonly offset: number;
  /** Offset just after the attribute's expression. */
  readonly end: number;
  readonly value: Literal | typeof UNKNOWN;
}

export interface TfBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly offset: number;
  readonly attrs: ReadonlyMap<string, TfAttr>;
  readonly blocks: readonly TfBlock[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** Parses the blocks and attributes of a Terraform file. */
export function parseHcl(text: string): TfBlock[] {
  let i = 0;
  const n = text.length;

  /** Skips spaces, tabs and comments; newlines too when `newlines`. */
  function skip(newlines: boolean): void {
    while (i < n) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
      else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        while (i < n && text[i] !== '\n') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      } else break;
    }
  }

  /** Skips a quoted string starting at `i` (on `"`), with `${…}` and `%{…}` templates inside. */
  function skipString(): void {
    i++;
    while (i < n && text[i] !== '"' && text[i] !== '\n') {
      if (text[i] === '\\') i += 2;
      else if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') {
        i += 2;
        skipExpression('}');
        i++;
      } else i++;
    }
    if (text[i] === '"') i++;
  }

  /** Skips a heredoc starting at `i` (on `<<`). */
  function skipHeredoc(): boolean {
    const m = /<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/y;
    m.lastIndex = i;
    const h = m.exec(text);
    if (!h) return false;
    const marker = h[1]!;
    i = m.lastIndex;
    while (i < n) {
      const eol = text.indexOf('\n', i);
      const line = text.slice(i, eol < 0 ? n : eol).trim();
      i = eol < 0 ? n : eol + 1;
      if (line === marker) break;
    }
    return true;
  }

  /**
   * Skips an expression up to a newline at bracket depth 0, or up to `close` (not consumed) at depth 0.
   * Returns the expression's text.
   */
  function skipExpression(close?: string): string {
    const start = i;
    let depth = 0;
    while (i < n) {
      const c = text[i]!;
      if (depth === 0 && (c === '\n' || (close !== undefined && c === close) || (close === undefined && c === '}')))
        break;
      if (c === '"') skipString();
      else if (c === '<' && text[i + 1] === '<' && skipHeredoc()) continue;
      else if (c === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        // A line comment ends the expression at depth 0; inside brackets the expression goes on.
        if (depth === 0) break;
        while (i < n && text[i] !== '\n') i++;
      } else {
        if (c === '(' || c === '[' || c === '{') depth++;
        else if (c === ')' || c === ']' || c === '}') depth--;
        i++;
      }
    }
    return text.slice(start, i);
  }

  function body(): { attrs: Map<string, TfAttr>; blocks: TfBlock[] } {
    const attrs = new Map<string, TfAttr>();
    const blocks: TfBlock[] = [];
    while (i < n) {
      skip(true);
      if (i >= n) break;
      if (text[i] === '}') {
        i++;
        break;
      }
      IDENT.lastIndex = i;
      const id = IDENT.exec(text);
      if (!id) {
        // Not a body item: skip the rest of the line (or one character) and go on.
        skipExpression();
        if (text[i] === '}') continue;
        if (i < n) i++;
        continue;
      }
      const offset = i;
      i = IDENT.lastIndex;
      skip(false);
      if (text[i] === '=' && text[i + 1] !== '=') {
        i++;
        skip(false);
        const raw = skipExpression().trim();
        attrs.set(id[0], { name: id[0], offset, end: i, value: literalOf(raw) });
        continue;
      }
      const labels: string[] = [];
      while (i < n && text[i] !== '{' && text[i] !== '\n') {
        if (text[i] === '"') {
          const s = i;
          skipString();
          labels.push(text.slice(s + 1, i - 1));
        } else {
          IDENT.lastIndex = i;
          const l = IDENT.exec(text);
          if (!l) break;
          labels.push(l[0]);
          i = IDENT.lastIndex;
        }
        skip(false);
      }
      if (text[i] !== '{') {
        skipExpression();
        continue;
      }
      i++;
      const inner = body();
      blocks.push({ type: id[0], labels, offset, ...inner });
    }
    return { attrs, blocks };
  }

  const blocks: TfBlock[] = [];
  while (i < n) {
    const before = i;
    const top = body();
    blocks.push(...top.blocks);
    if (i === before) i++;
  }
  return blocks;
}

/** A literal: a number, `true`/`false`, `null`, or a quoted string without templates; else unknown. */
function literalOf(raw: string): Literal | typeof UNKNOWN {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
  const s = /^"((?:[^"\\$%]|\\.|[$%](?!\{))*)"$/.exec(raw);
  return s ? s[1]!.replace(/\\(.)/g, '$1') : UNKNOWN;
}

const resources = new Map(templateKeyResources.filter((r) => r.format === 'terraform').map((r) => [r.type, r]));
const buckets = new Map(templateKeyBuckets.map((b) => [b.type, b]));

/**
 * `resource "aws_s3_bucket" "key_backups" { force_destroy = true }`: a bucket whose label or own name says it keeps
 * keys (catalogue `keyStoreName`), which `terraform destroy` empties and deletes with no recovery.
 */
function keyBucketHit(block: TfBlock): TemplateRead['hits'][number] | undefined {
  const bucket = buckets.get(block.labels[0]!);
  const force = bucket && block.attrs.get(bucket.force);
  if (!bucket || force?.value !== true) return undefined;
  const names = [block.labels[1]!, ...bucket.names.map((n) => block.attrs.get(n)?.value)];
  const name = names.find((n): n is string => typeof n === 'string' && keyStoreName.pattern.test(normaliseName(n)));
  if (name === undefined) return undefined;
  const ref = `${block.labels[0]}.${block.labels[1]}`;
  return {
    ruleId: 'keyhygiene/template-unsafe-deletion',
    offset: force.offset,
    match: `terraform.${ref}:${bucket.force}`,
    message:
      `Bucket ${ref} ('${name}') keeps keys and sets ${bucket.force} = true: terraform destroy deletes every key ` +
      `object in it with no recovery. Remove ${bucket.force} and add lifecycle { prevent_destroy = true }.`,
  };
}

/** Cheap test before parsing. */
const looksLikeTerraform = (text: string): boolean =>
  /\bresource\s+"(?:aws|awscc|google|azurerm|tls|vault)_/.test(text);

function viewOf(block: TfBlock): ResourceView {
  const prop = (path: string): Prop | typeof UNKNOWN | undefined => {
    const parts = path.split('.');
    let cur: TfBlock = block;
    for (const part of parts.slice(0, -1)) {
      const next = cur.blocks.find((b) => b.type === part);
      if (!next) return cur.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === part) ? UNKNOWN : undefined;
      cur = next;
    }
    const last = parts[parts.length - 1]!;
    const a = cur.attrs.get(last);
    if (a) return { value: a.value, offset: a.offset };
    // A nested block stands for itself (`rotation_policy { … }` is present): a required block, not a value.
    const b = cur.blocks.find((x) => x.type === last);
    return b ? { value: true, offset: b.offset } : undefined;
  };
  return { name: `${block.labels[0]}.${block.labels[1]}`, offset: block.offset, prop, attribute: () => undefined };
}

const payloadTypes = new Map(templateSecretPayloads.map((p) => [p.type, p.attributes]));

/**
 * The spans of a Terraform file that hold the value a secret store keeps (`secret_string = jsonencode({ … })` of a
 * Secrets Manager version, `value` of a Key Vault secret; catalogue `templateSecretPayloads`), with the resource's
 * name: every literal there is stored as a secret, whatever its own key is called.
 */
export function secretPayloads(
  text: string,
): { readonly start: number; readonly end: number; readonly store: string }[] {
  if (!looksLikeTerraform(text)) return [];
  const out: { start: number; end: number; store: string }[] = [];
  for (const block of parseHcl(text)) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    for (const name of payloadTypes.get(block.labels[0]!) ?? []) {
      const a = block.attrs.get(name);
      if (a) out.push({ start: a.offset, end: a.end, store: block.labels[1]! });
    }
  }
  return out;
}

/** Findings for the KMS keys, secrets and cloud credentials a Terraform file declares. */
export function readTerraform(text: string): TemplateRead | undefined {
  if (!looksLikeTerraform(text)) return undefined;
  const hits: TemplateRead['hits'] = [];
  const inventory: TemplateInventory[] = [];
  const declared: DeclaredResource[] = [];
  for (const block of parseHcl(text)) {
    if (block.type !== 'resource' || block.labels.length < 2) continue;
    declared.push({ type: block.labels[0]!, view: viewOf(block) });
    // Any resource's algorithm settings (a key's size or algorithm: `tls_private_key`, `aws_acm_certificate`).
    for (const a of block.attrs.values())
      if (typeof a.value === 'string' || typeof a.value === 'number')
        hits.push(...terraformSettingHits(block.labels[0]!, a.name, a.value, a.offset));
    const bucket = keyBucketHit(block);
    if (bucket) hits.push(bucket);
    const res = resources.get(block.labels[0]!);
    if (!res) continue;
    const view = viewOf(block);
    const out = checkResource(res, view);
    hits.push(...out.hits);
    if (out.inventory) inventory.push({ offset: block.offset, item: out.inventory });
  }
  hits.push(...credentialHits('terraform', declared));
  return { hits, inventory };
}
