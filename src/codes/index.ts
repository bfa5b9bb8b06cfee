export { type Classification, type RegistryEntry, levelOf, nameKey, parentOf, sameName } from './entries.js';
export { type CodeInfo, type Rename, classificationOfCode, findCodeByName, lookupCode, registryEdition, registryEntries, registryNamesCode, registryNamesOf } from './lookup.js';
export { STANDARD_TERMS } from './standardTerms.js';
