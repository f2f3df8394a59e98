/**
 * The provider catalogue: credential formats grouped by the kind of service that issues them. Each group
 * is its own module; this list is what `credentials.ts` appends to the catalogue.
 */
import { aiFormats } from './ai.js';
import { cloudFormats } from './cloud.js';
import { dataOpsFormats } from './data-ops.js';
import { messagingFormats } from './messaging.js';
import { paymentFormats } from './payments.js';
import { sourceCiFormats } from './source-ci.js';
import { toolFormats } from './tools.js';

export const providerFormats = [
  ...cloudFormats,
  ...sourceCiFormats,
  ...paymentFormats,
  ...messagingFormats,
  ...aiFormats,
  ...dataOpsFormats,
  ...toolFormats,
] as const;
