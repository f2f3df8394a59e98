/**
 * The randomness lattice the taint tracker computes over: weak sources (and biased reductions) that make
 * a value, whether every way of making it draws on entropy the tracker cannot call weak, and the width
 * of CSPRNG buffers and integers (for modulo bias). `mix` combines parts of one value, `alt` combines
 * alternative ways of computing it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { sessionIdName, type WeakRandomSource } from '../../../catalogue/randomness.js';
import { isSecretName, normaliseName, securityPurposeOf } from '../../../detect/names.js';

/** A value from another file, found with type information. */
export interface ForeignOrigin {
  /** The function that returns the weak value, as `name()`. */
  readonly fn: string;
  /** Its file, relative to the linted project. */
  readonly file: string;
  /** The name the function or generator is declared under there (`makeOtp`), which may state what it makes. */
  readonly made?: string;
}

export type WeakHit =
  | {
      readonly kind: 'source';
      /** Where to report: the weak call, or the call into another file that returns a weak value. */
      readonly node: TSESTree.Node;
      readonly source: WeakRandomSource;
      readonly foreign?: ForeignOrigin;
      /** The node makes a generator (`customAlphabet(abc, 10)`), not a value: no value replaces it. */
      readonly generator?: true;
    }
  | {
      /** CSPRNG bits reduced modulo a number that does not divide 2^bits: some values are likelier. */
      readonly kind: 'bias';
      readonly node: TSESTree.BinaryExpression;
      readonly bits: number;
      readonly modulus: number;
    };

export interface Taint {
  /** Weak sources (and biased reductions) that make the value in some way of computing it. */
  readonly weak: readonly WeakHit[];
  /** Every way of computing the value draws on entropy the tracker cannot call weak. */
  readonly entropy: boolean;
  /** The value is a buffer of CSPRNG elements this many bits wide. */
  readonly elementBits?: number;
  /** The value is one CSPRNG integer this many bits wide (an element of such a buffer). */
  readonly intBits?: number;
  /**
   * With `entropy`: every way of computing the value draws its entropy only from CSPRNG calls the tracker can see
   * (no unknown part), at most this many bits (`randomBytes(4)` → 32; unsized `randomUUID()` → Infinity, which a
   * cut `.slice(0, 8)` then bounds). Unset when some entropy may come from elsewhere.
   */
  readonly draw?: Draw;
}

/** The CSPRNG entropy a value holds at most, and the call that draws it (where a short draw is reported). */
export interface Draw {
  readonly bits: number;
  readonly node: TSESTree.Node;
}

/** The larger of two draws (the bound of alternatives). */
const wider = (a: Draw, b: Draw): Draw => (b.bits > a.bits ? b : a);

/**
 * Whether a name the tracker cannot see behind (a parameter, a property of an unknown object, a global)
 * may hold secret or random material: `key`, `signingSecret`, `randomPart`, `saltBytes`. Other names
 * (`userId`, `email`, `prefix`) hold predictable data. So does a session identifier, though its name is also a
 * purpose (`sessionId`, `sid`, catalogue `sessionIdName`): every request of the session carries it, so a token made
 * from it and a clock or a counter (a CSRF token, a resume token) is as guessable as the clock or the counter.
 */
export function mayHoldEntropy(name: string): boolean {
  const n = normaliseName(name);
  if (sessionIdName.pattern.test(n)) return false;
  return (
    isSecretName(name) ||
    securityPurposeOf(name) !== undefined ||
    /(?:^|_)(?:keys?|seed|random|rand|entropy|bytes|buf|buffer|pass|pw|kek|dek|ikm|prk|mac)(?:_|$)/.test(n)
  );
}

export const PREDICTABLE: Taint = { weak: [], entropy: false };
export const OPAQUE: Taint = { weak: [], entropy: true };

/** Ways of combining the parts of one value (`a + b`): entropy in any part makes the whole unguessable. */
export function mix(parts: readonly Taint[]): Taint {
  if (parts.length === 1) return parts[0]!;
  const rich = parts.filter((p) => p.entropy);
  if (rich.length) {
    // Entropy only from visible draws: their bits add up (`${randomBytes(2)}${randomBytes(2)}` holds 32).
    if (!rich.every((p) => p.draw)) return OPAQUE;
    const bits = rich.reduce((sum, p) => sum + p.draw!.bits, 0);
    return { weak: [], entropy: true, draw: { bits, node: rich.map((p) => p.draw!).reduce(wider).node } };
  }
  const weak = parts.flatMap((p) => p.weak);
  return weak.length ? { weak: dedupe(weak), entropy: false } : PREDICTABLE;
}

/** Alternative ways of computing one value (`a ? b : c`, re-assignment): weak if any alternative is. */
export function alt(parts: readonly Taint[]): Taint {
  if (parts.length === 0) return PREDICTABLE;
  if (parts.length === 1) return parts[0]!;
  const weak = dedupe(parts.flatMap((p) => p.weak));
  const entropy = parts.every((p) => p.entropy);
  // Alternatives bound the value by the widest draw among them.
  if (entropy && parts.every((p) => p.draw)) return { weak, entropy, draw: parts.map((p) => p.draw!).reduce(wider) };
  return { weak, entropy };
}

function dedupe(hits: readonly WeakHit[]): WeakHit[] {
  const seen = new Set<TSESTree.Node>();
  return hits.filter((h) => !seen.has(h.node) && (seen.add(h.node), true));
}

/** An element of the value (`buf[i]`, `for (const b of buf)`): a CSPRNG buffer gives CSPRNG integers. */
export function element(t: Taint): Taint {
  const draw = t.draw ? { draw: t.draw } : {};
  if (t.elementBits !== undefined) return { weak: t.weak, entropy: t.entropy, intBits: t.elementBits, ...draw };
  return t.intBits === undefined ? t : { weak: t.weak, entropy: t.entropy, ...draw };
}

/** Drops the width facts: the value is derived, no longer a raw buffer or integer. */
export function derived(t: Taint): Taint {
  if (t.elementBits === undefined && t.intBits === undefined) return t;
  return t.draw ? { weak: t.weak, entropy: t.entropy, draw: t.draw } : { weak: t.weak, entropy: t.entropy };
}

/**
 * A cut of `length` elements (`.slice(0, 8)` of a string, `.subarray(0, 4)` of a buffer) of a value with a visible
 * draw: at most `unitBits` random bits per element remain.
 */
export function cut(t: Taint, length: number, unitBits: number): Taint {
  if (!t.draw || length * unitBits >= t.draw.bits) return t;
  return { ...t, draw: { bits: length * unitBits, node: t.draw.node } };
}

/**
 * A part made again for each element (an `Array.from` or `.map` callback, `out += …` or `buf[i] = …` in a loop, a
 * `.push`): its draws repeat, so no bound on their bits is known.
 */
export function repeated(t: Taint): Taint {
  return t.draw && t.draw.bits !== Infinity ? { ...t, draw: { bits: Infinity, node: t.draw.node } } : t;
}
