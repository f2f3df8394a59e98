/**
 * The decrypt side of an encrypt/decrypt pair keyed by the same password is the same mistake as its encrypt side:
 * the reader must match the format the writer chose, and the fix is made where the data is written. A rule reports
 * a decrypt-side finding only when the file reports no encrypt-side finding of the same API family keyed by a
 * password of the same name (data written elsewhere, or under another password, is still reported). The rule pairs
 * only passwords a person types; a committed passphrase is reported at each use.
 */

/** Sinks that read data an earlier encryption wrote (crypto-js `AES.decrypt`, `createDecipheriv`), by sink id. */
const decryptSideSink = /decipher|decrypt/i;

/** The encrypt-side id of a sink family (`crypto-js.AES.decrypt` → `crypto-js.AES.encrypt`). */
const familyOf = (sinkId: string): string => sinkId.replace(/decipher/i, 'cipher').replace(/decrypt/i, 'encrypt');

export interface EncryptFirst<A extends unknown[]> {
  /** The report function for a finding at a sink with this id keyed by this password: deferred on a decrypt side. */
  readonly at: (sinkId: string, password: string) => (...args: A) => void;
  /** At the end of the file: the deferred decrypt-side findings whose encrypt side was not reported. */
  readonly flush: () => void;
}

export function encryptFirst<A extends unknown[]>(report: (...args: A) => void): EncryptFirst<A> {
  const deferred: { readonly pair: string; readonly args: A }[] = [];
  const encryptSide = new Set<string>();
  return {
    at: (sinkId, password) => {
      const pair = `${familyOf(sinkId)}\0${password}`;
      return decryptSideSink.test(sinkId)
        ? (...args) => void deferred.push({ pair, args })
        : (...args) => {
            encryptSide.add(pair);
            report(...args);
          };
    },
    flush: () => {
      for (const d of deferred) if (!encryptSide.has(d.pair)) report(...d.args);
    },
  };
}
