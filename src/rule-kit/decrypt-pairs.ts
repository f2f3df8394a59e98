/**
 * The decrypt side of an encrypt/decrypt pair keyed by the same password is the same mistake as its encrypt side:
 * the reader must match the format the writer chose, and the fix is made where the data is written. A rule reports
 * decrypt-side findings only when the file reports no encrypt-side one (data written elsewhere, read here).
 */

/** Sinks that read data an earlier encryption wrote (crypto-js `AES.decrypt`, `createDecipheriv`), by sink id. */
const decryptSideSink = /decipher|decrypt/i;

export interface EncryptFirst<A extends unknown[]> {
  /** The report function for a finding at a sink with this id: deferred when the sink is decrypt-side. */
  readonly at: (sinkId: string) => (...args: A) => void;
  /** At the end of the file: the deferred decrypt-side findings, when no encrypt-side finding was reported. */
  readonly flush: () => void;
}

export function encryptFirst<A extends unknown[]>(report: (...args: A) => void): EncryptFirst<A> {
  const deferred: A[] = [];
  let encryptSide = false;
  return {
    at: (sinkId) =>
      decryptSideSink.test(sinkId)
        ? (...args) => void deferred.push(args)
        : (...args) => {
            encryptSide = true;
            report(...args);
          },
    flush: () => {
      if (!encryptSide) for (const args of deferred) report(...args);
    },
  };
}
