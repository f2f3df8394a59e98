/**
 * The provider catalogue: credential formats grouped by the kind of service that issues them. Each group
 * is its own module; this list is what `credentials.ts` appends to the catalogue.
 */
import { cloudFormats } from './cloud.js';

export const providerFormats = [...cloudFormats] as const;
