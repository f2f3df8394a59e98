/**
 * `rm` of a key file in the shell lines of CI workflows, shell scripts and Dockerfiles: `rm -f /tmp/release.key`
 * after `echo "$KEY" > /tmp/release.key`, `RUN rm /root/.ssh/id_rsa`. `rm` removes the name, not the blocks (NIST
 * SP 800-88 Rev. 1 §2.5): on a runner's disk, and in an image layer a later `RUN rm` cannot reach at all, the key
 * stays. A path counts when it names key material (catalogue `keyFilePath`, `secretFilePath`), or when the same
 * file wrote a secret into it (`> path` after an expression naming a secret). Read line by line; never throws.
 */
import { keyFilePath, secretFilePath } from '../../../catalogue/deletion.js';
import { namesKeyFilePath } from '../../../rule-kit/path-text.js';
import type { TemplateHit } from './hits.js';

/** Files whose lines are shell: CI workflows, shell scripts, Dockerfiles. */
const SHELL_HOST = new RegExp(
  String.raw`(?:^|\/)(?:\.(?:github|gitea|forgejo)\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|` +
    String.raw`bitbucket-pipelines\.ya?ml|\.circleci\/config\.ya?ml|[^/]+\.(?:sh|bash)|(?:[^/]+\.)?dockerfile|` +
    String.raw`dockerfile(?:\.[^/]+)?|containerfile)$`,
  'i',
);

/** `rm [flags] operand…`, as a command of its own (after a line start, `;`, `&&`, `||`, `|`, `run:`, `RUN`). */
const RM = new RegExp(
  String.raw`(?:^|[;&|]|\brun:|\bRUN)[ \t]*(?:-[ \t]+)?(?:sudo[ \t]+)?rm((?:[ \t]+-{1,2}[A-Za-z-]{1,30}){0,8})` +
    String.raw`((?:[ \t]+[^\s;&|#]{1,300}){1,20})`,
  'gm',
);
/** `> path` or `>> path` after a secret: `echo "${{ secrets.GPG_KEY }}" > key.asc`, `printf '%s' "$DEPLOY_KEY" >`. */
const SECRET_WRITE = new RegExp(
  String.raw`(?:secrets\.|\$\{?[A-Z0-9_]{0,40}(?:KEY|SECRET|TOKEN|PASSWORD|PASSPHRASE|PEM)[A-Z0-9_]{0,40})` +
    String.raw`[^\n>]{0,300}>>?[ \t]*([^\s;&|]{1,300})`,
  'g',
);

export const isShellHost = (rel: string): boolean => SHELL_HOST.test(rel);

/** The key-file removals of one shell-bearing file. */
export function shellRemovalHits(text: string): TemplateHit[] {
  if (!/\brm\b/.test(text)) return [];
  const secretWrites = new Set([...text.matchAll(SECRET_WRITE)].map((m) => unquote(m[1]!)));
  const hits: TemplateHit[] = [];
  for (const m of text.matchAll(RM)) {
    let at = (m.index ?? 0) + m[0].length - m[2]!.length;
    for (const raw of m[2]!.split(/([ \t]+)/)) {
      const operand = unquote(raw);
      const why =
        operand && !/^[ \t]*$/.test(raw)
          ? secretWrites.has(operand)
            ? 'a secret was written to it in this file'
            : namesKeyFilePath(operand) || secretFilePath.pattern.test(operand)
              ? 'its path names key material'
              : undefined
          : undefined;
      if (why && !keyFilePath.exclude.test(operand)) {
        hits.push({
          ruleId: 'keyhygiene/template-unsafe-deletion',
          offset: at,
          match: `shell-rm:${operand}`,
          message:
            `rm deletes the key file ${operand} (${why}) without overwriting it: the bytes stay on the disk (and in ` +
            'any image layer that held the file). Overwrite it first (shred -u), or never write the key to disk.',
        });
      }
      at += raw.length;
    }
  }
  return hits;
}

const unquote = (s: string): string => s.replace(/^["']|["']$/g, '');
