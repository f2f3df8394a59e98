/**
 * What a file's own code says about an object path (`account`, `job.data`, `this.auth`, `opts`): whether it
 * reads or writes a secret member under that path (`account.access_token`, `job.data.signingSecret`,
 * `const { password } = dto`), so the object logged whole carries that secret; and whether a member is used
 * as a credential (`Authorization: \`Bearer ${opts.token}\``), so a generic name (`token`) is a credential
 * there. Issue 11: strangers log whole objects of every name (OAuth accounts, DTOs, job data, settings) and
 * CLI option tokens; their names say nothing, the code beside them does.
 *
 * Read on the file's text, once per path asked (only paths that reach a sink whole are asked), so no tree
 * walk is added. Members masked in the file (`copy.apiKey = '***'`, `delete cfg.password`) and members
 * holding a stored hash (`user.password = await bcrypt.hash(…)`, `compare(pw, user.password)`) do not count.
 */
import { secretConsumers, secretHashField } from '../catalogue/loggers.js';
import { referenceTailName } from '../catalogue/names.js';
import { normaliseName } from '../detect/index.js';
import { escapeRegExp } from './regexp.js';

/** Name tests the caller supplies (the leak finder's secret and safe names). */
export interface MemberNames {
  /** A member name that holds a credential (`password`, `access_token`, `signingSecret`). */
  readonly isSecret: (name: string) => boolean;
  /** Message text that ends by calling the next value a secret (`with token `, `sms code: `). */
  readonly isSecretLabel?: (text: string) => boolean;
}

export interface MemberEvidence {
  /**
   * A secret member the file reads or writes under `path`, or undefined; only in `[from, to)` of the text when
   * given (the function that declares a bare binding: another function's `opts` is another object).
   */
  readonly secretMembersOf: (
    path: string,
    from?: number,
    to?: number,
    /** Where the object is logged, when its members are judged at that point (see `ObjectAt`). */
    at?: ObjectAt,
  ) => readonly string[];
  /** The file sends `path` as a credential: inside an Authorization header or a `Bearer …` value. */
  readonly usedAsCredential: (path: string) => boolean;
  /** The text right before this offset makes the value there an Authorization header's credential. */
  readonly usedAt: (offset: number) => boolean;
  /** A secret member of a class, interface or object type alias declared in the file under this name. */
  readonly typeSecretMember: (typeName: string) => string | undefined;
  /**
   * How the file uses `path` (or a member under it) as a secret, in `[from, to)` when given: passed to a call
   * that takes a secret (`fromPhrase(words)`), placed under a secret key (`{ password: input }`,
   * `connectionString: process.env.X`), or hashed into a stored token hash (`tokenHash: sha256(raw)`).
   * `whole` says whether `path` itself is the secret (else a member under it is).
   */
  readonly usedAsSecret: (
    path: string,
    from?: number,
    to?: number,
    skip?: readonly [number, number],
    /** A member of `path` the caller knows the logged value cannot hold: its uses are no evidence. */
    cannotHold?: (member: string) => boolean,
  ) => { readonly how: string; readonly whole: boolean } | undefined;
  /**
   * A template of the file labels `${path}` a secret (`` `Logged in with token ${opts.token}` ``), in `[from, to)`
   * when given: the same value is that secret where it is written unlabelled (`` `login ${opts.token}` ``).
   */
  readonly labelledSecret: (path: string, from?: number, to?: number) => boolean;
}

/**
 * The program point an object is judged at (issue 11, session 33): the offset of the sink, and whether the object is
 * made in the function that logs it (a local binding with an initialiser, not a parameter). Given a point, a member
 * is judged by the writes around it: a mask, a hash or a reference written into the member after the point did not
 * change what was logged (`console.log(user); user.password = '***'` logs the password), and a secret attached to an
 * object made in the function only after the point (`const reply = JSON.parse(body); log(reply); reply.privateKey =
 * key`) was not in it, nor is a read of the attached member after that write evidence of what was logged. The caller
 * gives no point where the order of the text is not the order of execution (a sink inside a loop).
 */
export interface ObjectAt {
  readonly offset: number;
  readonly madeHere: boolean;
}

interface SecretUse {
  /** The argument or value text, trimmed, `await` dropped. */
  readonly arg: string;
  readonly at: number;
  readonly how: string;
  /** The use says only that the value passed holds secrets, nothing of an object above it (`redact(err.stack)`). */
  readonly wholeOnly?: boolean;
}

const IDENT = String.raw`[A-Za-z_$][\w$]*`;
/** `getPrivateKey`, `loadSecret`, `onToken`: a member named for what it does is a method or callback, not a value. */
const VERB_MEMBER =
  /^(?:get|set|load|fetch|read|create|generate|has|is|on|ensure|validate|verify|sign|refresh|rotate)[A-Z_]/;
const CHAIN = String.raw`((?:\??\.${IDENT}|\[['"][^'"\]]+['"]\])+)`;
/**
 * `x.password = '***'`, `= undefined`, `= null`, `= ''`: the member is masked in a copy. Not a template that
 * interpolates a value (`headers.authorization = \`Bearer ${token}\``): that writes the secret in.
 */
const MASKED_AFTER = /^\s*=\s*(?:['"]|`[^`$]*`|undefined\b|null\b)/;
/**
 * `x.no1Password === true`, `false !== x.password`: a member compared with a boolean is a flag (a CLI switch,
 * `--no-1password`), not a secret value.
 */
const BOOLEAN_AFTER = /^\s*[!=]==?\s*(?:true|false)\b/;
const BOOLEAN_BEFORE = /\b(?:true|false)\s*[!=]==?\s*$/;
/**
 * `mask(opts.token, 4)`, `redact(config.webhookKey)`: a member the file itself masks before it shows it is a
 * secret whatever its name, so the object logged whole elsewhere, unmasked, carries it.
 */
const REDACTED_BEFORE = /\b(?:mask|redact|obfuscate|censor|scrub)(?:[A-Z]\w*)?\s*\(\s*$/;
/**
 * `redactAll(error.stack)`, `scrub(err.message)`: an error's own text is scrubbed because it may hold anything (paths,
 * user names), not because the object is a secret holder.
 */
const ERROR_TEXT_MEMBER = /^(?:stack|message|cause|detail|details)$/;
/** `x.password = …`, `x.password ??= …`: the member is assigned, not read or compared. */
const WRITE_AFTER = /^\s*(?:[-+*/%&|^?]{1,2})?=(?!=)/;
/** `x.password = await bcrypt.hash(…)`, `= hashPassword(…)`: the member holds a stored hash. */
const HASHED_AFTER = /^\s*=\s*(?:await\s+)?[\w$.]*(?:hash|Hash|digest|crypt)[\w$]*\s*\(/;
/**
 * `binding.secret = secretId`, `= cfg.keyName`: the member is given a secret's id, name or path (catalogue
 * `referenceTailName`), so it holds the reference, not the secret (a Secret Manager binding, a KMS key alias).
 */
const ASSIGNED_AFTER = /^\s*=\s*([A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*)\s*(?:[;,)}\n]|$)/;
const referenceAssigned = (after: string): boolean => {
  const value = ASSIGNED_AFTER.exec(after)?.[1];
  return value !== undefined && referenceTailName.pattern.test(normaliseName(value.split('.').pop()!));
};
/** `compare(pw, x.password)`, `verify(x.password, pw)`: the member is a stored hash being checked. */
const HASH_CHECK_BEFORE = /\b(?:compare|compareSync|verify|verifyPassword|checkPassword)\s*\(\s*(?:[^,()]+,\s*)?$/;
/**
 * Text right before a value that makes it the credential of an Authorization header. The open string before the value
 * (`'Bearer ' + t`) ends on its line: a quote that opens in a comment (`// {"Authorization":"bearer ...`) does not
 * reach the code on the lines after it.
 */
const CREDENTIAL_BEFORE = new RegExp(
  String.raw`(?:\b(?:authorization|x-api-key|x-auth-token|api-key|private-token|` +
    String.raw`x-(?:[a-z0-9]+-)*(?:key|token|secret|password))['"]?\s*[:=]\s*` +
    String.raw`(?:['"\x60][^'"\x60\n]*)?` +
    String.raw`|\bBearer\s+\$\{\s*|['"]Bearer ['"]\s*\+\s*)$`,
  'i',
);
/**
 * The GitHub `token …` and the `Basic …` schemes written on their own (`\`token ${t}\``, `'token ' + t`): an
 * Authorization value only when the value ends the template or the sum; a message that starts
 * with the word (`\`Token ${tokenAddress} not found\``, `'Token ' + address + ' has no pools'`) is no header.
 */
const SCHEME_TEMPLATE_BEFORE = /\x60(?:token|Basic)\s+\$\{\s*$/i;
const SCHEME_SUM_BEFORE = /['"]token ['"]\s*\+\s*$/i;
const TEMPLATE_VALUE_ENDS = /^[\w$.?]+(?:\([^()]*\))?\s*\}\x60/;
const SUM_VALUE_ENDS = /^[\w$.?]+(?:\([^()]*\))?\s*(?:[,;)\]}\n]|$)/;

/** The evidence of one file; `text` is the file's source text. */
export function createMemberEvidence(whole: string, names: MemberNames): MemberEvidence {
  const text = whole;
  const secretMembers = new Map<string, readonly string[]>();
  const credentials = new Map<string, boolean>();

  /**
   * Whether `name` is written in `[from, to)` where one of `secretMembersOf`'s three patterns could match it: followed
   * by `.`, `?.` or `[` (a member read or write, `name.push({ … })`), or right after `=` or `await` (a destructuring).
   * A necessary condition, checked by search instead of by compiling and running those patterns over the range.
   */
  const mayNameMembers = (name: string, from: number, to: number): boolean => {
    for (let k = whole.indexOf(name, from); k >= 0 && k + name.length <= to; k = whole.indexOf(name, k + 1)) {
      const next = whole[k + name.length];
      if (next === '.' || next === '?' || next === '[') return true;
      let j = k - 1;
      while (j >= from && /\s/.test(whole[j]!)) j--;
      if (whole[j] === '=' || whole.slice(j - 4, j + 1) === 'await') return true;
    }
    return false;
  };
  const secretMembersOf = (path: string, from = 0, to = text.length, at?: ObjectAt): readonly string[] => {
    const cacheKey = `${path}@${from}-${to}${at ? `@${at.offset}${at.madeHere ? '+' : ''}` : ''}`;
    const cached = secretMembers.get(cacheKey);
    if (cached) return cached;
    if (!path.includes('.') && !mayNameMembers(path, from, to)) return [];
    const text = whole.slice(from, to);
    const found = new Set<string>();
    const masked = new Set<string>();
    /** Offsets (in `text`) of each member's reads, and of the first secret written in after the point. */
    const reads = new Map<string, number[]>();
    const attached = new Map<string, number>();
    const point = at === undefined ? undefined : at.offset - from;
    const head =
      String.raw`(?<![\w$.])(delete\s+)?` +
      path
        .split('.')
        .map(escapeRegExp)
        .join(String.raw`\??\.`);
    const re = new RegExp(head + CHAIN, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const members = m[2]!.split(/\??\.|\[['"]|['"]\]/).filter((s) => s !== '');
      const after = text.slice(re.lastIndex, re.lastIndex + 80);
      if (
        members.length === 1 &&
        !ERROR_TEXT_MEMBER.test(members[0]!) &&
        !/^\s*[([]/.test(after) &&
        REDACTED_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))
      ) {
        found.add(members[0]!);
        continue;
      }
      const secret = members.find((s) => names.isSecret(s) && !VERB_MEMBER.test(s));
      if (secret === undefined) continue;
      if (members[members.length - 1] === secret && /^\s*\(/.test(after)) continue;
      const before = text.slice(Math.max(0, m.index - 80), m.index);
      const last = members[members.length - 1];
      if (last === secret && (BOOLEAN_AFTER.test(after) || BOOLEAN_BEFORE.test(before))) continue;
      const written = last === secret && (m[1] !== undefined || WRITE_AFTER.test(after));
      const later = point !== undefined && m.index > point;
      if (
        last === secret &&
        (m[1] ||
          MASKED_AFTER.test(after) ||
          HASHED_AFTER.test(after) ||
          HASH_CHECK_BEFORE.test(before) ||
          referenceAssigned(after))
      ) {
        // A mask written after the point did not change what was logged; a hash check says what the member is.
        if (!(written && later)) masked.add(secret);
      } else if (written && later && at?.madeHere) {
        if (!attached.has(secret)) attached.set(secret, m.index);
      } else if (point === undefined || last !== secret || written) found.add(secret);
      else reads.set(secret, [...(reads.get(secret) ?? []), m.index]);
    }
    // A read counts unless it comes after the secret was attached (it reads what was attached, not what was logged).
    for (const [member, offsets] of reads)
      if (offsets.some((o) => o < (attached.get(member) ?? Infinity))) found.add(member);
    // `const { password, email } = dto`, `let { token } = await opts`: a destructured secret member.
    const destructure = new RegExp(
      String.raw`\{([^{}]*)\}\s*=\s*(?:await\s+)?${escapeRegExp(path)}(?![\w$.?(\[])`,
      'g',
    );
    for (let m = destructure.exec(text); m; m = destructure.exec(text))
      for (const part of m[1]!.split(',')) {
        const key = /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(part)?.[1];
        if (key !== undefined && names.isSecret(key)) found.add(key);
      }
    // `seeded.push({ email, password })`, `cache.set(id, { apiKey })`: a collection of records with a secret member.
    const added = new RegExp(
      String.raw`(?<![\w$.])${escapeRegExp(path)}\.(?:push|unshift|add|set)\(\s*(?:[^,(){}]+,\s*)?\{([^{}]*)\}`,
      'g',
    );
    for (let m = added.exec(text); m; m = added.exec(text))
      for (const part of m[1]!.split(',')) {
        const key = /^\s*['"]?([A-Za-z_$][\w$]*)/.exec(part)?.[1];
        if (key !== undefined && names.isSecret(key)) found.add(key);
      }
    const members = [...found].filter((s) => !masked.has(s));
    secretMembers.set(cacheKey, members);
    return members;
  };

  const usedAsCredential = (path: string): boolean => {
    const cached = credentials.get(path);
    if (cached !== undefined) return cached;
    const re = new RegExp(
      String.raw`(?<![\w$.])` +
        path
          .split('.')
          .map(escapeRegExp)
          .join(String.raw`\??\.`) +
        String.raw`(?![\w$]|\??\.)`,
      'g',
    );
    let used = false;
    for (let m = re.exec(text); m && !used; m = re.exec(text)) used = usedAt(m.index);
    credentials.set(path, used);
    return used;
  };

  const usedAt = (offset: number): boolean => {
    const before = text.slice(Math.max(0, offset - 60), offset);
    if (CREDENTIAL_BEFORE.test(before)) return true;
    const after = text.slice(offset, offset + 120);
    return (
      (SCHEME_TEMPLATE_BEFORE.test(before) && TEMPLATE_VALUE_ENDS.test(after)) ||
      (SCHEME_SUM_BEFORE.test(before) && SUM_VALUE_ENDS.test(after))
    );
  };

  const typeMembers = new Map<string, string | undefined>();
  const typeSecretMember = (typeName: string): string | undefined => {
    if (typeMembers.has(typeName)) return typeMembers.get(typeName);
    const decl = new RegExp(
      String.raw`\b(?:class|interface)\s+${escapeRegExp(typeName)}\b[^{]*\{|` +
        String.raw`\btype\s+${escapeRegExp(typeName)}\s*=\s*\{`,
    ).exec(text);
    let member: string | undefined;
    if (decl) {
      // The body up to its closing brace at the declaration's own indentation (or the end of a one-line body).
      const start = decl.index + decl[0].length;
      const end = text.indexOf('\n}', start);
      const body = text.slice(start, end < 0 ? start + 2000 : end);
      // A member starts a line or follows `;`/`{`; only spaces on its own line before it, so that a long run of
      // blank lines is not scanned again from each of its newlines.
      const re = new RegExp(
        String.raw`(?:^|[;{\n])[^\S\n]*(?:@\w+\([^)]*\)\s*)*` +
          String.raw`(?:(?:readonly|public|private|protected)\s+)*([A-Za-z_$][\w$]*)[?!]?\s*:`,
        'g',
      );
      for (let m = re.exec(body); m && member === undefined; m = re.exec(body))
        if (names.isSecret(m[1]!)) member = m[1];
    }
    typeMembers.set(typeName, member);
    return member;
  };

  /** `user.hashed_password`, `passwordHash`: a field that stores a secret's hash (catalogue `secretHashField`). */
  const storedHash = (arg: string): boolean => secretHashField.pattern.test(normaliseName(arg.split('.').pop() ?? ''));
  /** `verifyPassword(user, pw)`: an account, request or client passed first is whose secret it is, not the secret. */
  const subject = (arg: string): boolean => SUBJECT.test(arg.split('.').pop() ?? '');
  let uses: SecretUse[] | undefined;
  /** Every secret use in the file, found in one pass of three scans of its text. */
  const secretUses = (): SecretUse[] => {
    if (uses) return uses;
    uses = [];
    const call = /(?<![\w$])(?:new\s+)?([A-Za-z_$][\w$]*)\s*\(/g;
    for (let m = call.exec(text); m; m = call.exec(text)) {
      const norm = normaliseName(m[1]!);
      if (secretConsumers.redacting.pattern.test(norm)) {
        // `redact(cfg as unknown as Record<string, unknown>)`: the value redacted, its type assertion dropped.
        const arg = argumentsAt(text, call.lastIndex)[0]?.replace(/\s+as\s[\s\S]*$/, '');
        // ...not an error's own text (`redactAll(error.stack)`): scrubbed for the paths and names it may hold.
        const errorText = arg?.includes('.') === true && ERROR_TEXT_MEMBER.test(arg.split('.').pop()!);
        if (arg !== undefined && /^[A-Za-z_$][\w$.]*$/.test(arg) && !errorText)
          uses.push({ arg, at: m.index, how: `redacted by ${m[1]}()`, wholeOnly: true });
        continue;
      }
      const first = secretConsumers.first.pattern.test(norm);
      if (!first && !secretConsumers.last.pattern.test(norm)) continue;
      const args = argumentsAt(text, call.lastIndex);
      // `verifyPassword(user, attempt)`: past an account passed first, the next argument is the secret.
      let lead = first && args[0] !== undefined && subject(args[0]) ? 1 : 0;
      // `verifyPassword(user.hashed_password, attempt)` (the argon2 order): a stored hash field passed first is the
      // verifier the attempt is checked against, not a secret (a salted slow hash); the attempt after it is.
      if (first && args[lead] !== undefined && storedHash(args[lead]!)) lead++;
      const arg = first ? args[lead] : args.length >= 2 ? args[args.length - 1] : undefined;
      if (arg !== undefined && !subject(arg)) uses.push({ arg, at: m.index, how: `passed to ${m[1]}()` });
    }
    const field = /(?<![\w$.])['"]?([A-Za-z_$][\w$]*)['"]?\s*:\s*(?:await\s+)?([A-Za-z_$][\w$.]*)(?=\s*[,}\n])/g;
    for (let m = field.exec(text); m; m = field.exec(text))
      // `getPrivateKey: options.getPrivateKey`: a callback handed on, not a secret (members named for an action).
      if (VERB_MEMBER.test(m[1]!) || VERB_MEMBER.test(m[2]!.split('.').pop() ?? '')) continue;
      else if (names.isSecret(m[1]!) || secretConsumers.connectionKeys.has(m[1]!))
        uses.push({ arg: m[2]!, at: m.index, how: `placed under '${m[1]}'` });
    const hashed = new RegExp(
      String.raw`(?<![\w$])([A-Za-z_$][\w$]*)['"]?\s*[:=]\s*(?:await\s+)?[^;\n]{0,120}?` +
        String.raw`(?:\.update|\bsha\d*|\bhash\w*)\(\s*([A-Za-z_$][\w$.]*)\s*[,)]`,
      'gi',
    );
    for (let m = hashed.exec(text); m; m = hashed.exec(text))
      if (secretHashField.pattern.test(normaliseName(m[1]!)))
        uses.push({ arg: m[2]!, at: m.index, how: `hashed into '${m[1]}'` });
    return uses;
  };

  const usedAsSecret = (
    path: string,
    from = 0,
    to = text.length,
    skip?: readonly [number, number],
    cannotHold?: (member: string) => boolean,
  ): { how: string; whole: boolean } | undefined => {
    for (const u of secretUses()) {
      if (u.at < from || u.at >= to || (skip && u.at >= skip[0] && u.at < skip[1])) continue;
      if (u.arg === path) return { how: u.how, whole: true };
      if (!u.wholeOnly && u.arg.startsWith(`${path}.`) && !cannotHold?.(u.arg.slice(path.length + 1)))
        return { how: u.how, whole: false };
    }
    return undefined;
  };

  const labelled = new Map<string, number[]>();
  const labelledSecret = (path: string, from = 0, to = text.length): boolean => {
    let at = labelled.get(path);
    if (!at) {
      at = [];
      const label = names.isSecretLabel;
      const re = new RegExp(String.raw`\$\{\s*${escapeRegExp(path)}\s*\}`, 'g');
      for (let m = re.exec(text); m && label; m = re.exec(text)) {
        const before = text.slice(Math.max(0, m.index - 80), m.index);
        const quasi = before.slice(Math.max(before.lastIndexOf('`'), before.lastIndexOf('}')) + 1);
        if (label(quasi)) at.push(m.index);
      }
      labelled.set(path, at);
    }
    return at.some((i) => i >= from && i < to);
  };

  return { secretMembersOf, usedAsCredential, usedAt, typeSecretMember, usedAsSecret, labelledSecret };
}

const SUBJECT =
  /^(?:this|self|user|users|account|member|profile|customer|client|ctx|context|req|request|db|prisma|opts|options)$/i;

/** The top-level arguments of the call whose `(` ends at `open`, as trimmed texts (`await` dropped); bounded. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open;
  for (let i = open; i < text.length && i < open + 400; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    else if (ch === ')' || (ch === ',' && depth === 0)) {
      const a = text
        .slice(start, i)
        .trim()
        .replace(/^await\s+/, '');
      if (a !== '') args.push(a);
      start = i + 1;
      if (ch === ')') return args;
    }
  }
  return args;
}
