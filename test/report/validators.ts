/**
 * Validators for the report formats, shared by the report tests and the end-to-end CLI tests.
 *
 * SARIF: the OASIS schema committed at schemas/sarif-schema-2.1.0.json declares draft-04 (`id`,
 * `$schema: draft-04#`), which Ajv 8 no longer ships a class for. Its keywords are all ones draft-07
 * reads the same way (no boolean exclusiveMinimum), so the default `Ajv` class (draft-07) validates
 * it once the draft-04 `id` is read as `$id` and the `$schema` marker is dropped. ajv-formats checks
 * uri and date-time.
 *
 * CBOM: @cyclonedx/cyclonedx-library's JsonStrictValidator for CycloneDX 1.6.
 */
import { readFileSync } from 'node:fs';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Returns a function that lists the schema errors of a SARIF log (empty when valid). */
export function sarifValidator(): (data: unknown) => string[] {
  const schema = JSON.parse(
    readFileSync(new URL('../../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  if (schema.$schema !== 'http://json-schema.org/draft-04/schema#')
    throw new Error('the SARIF schema is no longer draft-04: revisit the Ajv class');
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile({ $id: id as string, ...rest });
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

const cyclonedx = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

/** null when the text is a valid CycloneDX 1.6 document, else the validation error. */
export function validateCbom(text: string): Promise<unknown> {
  return cyclonedx.validate(text);
}
