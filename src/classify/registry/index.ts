export { registryChecks, nameVerdict } from './checks.js';
export { type Classification, type RegistryEntry, foldName, levelOf, parentOf, sameName } from './entries.js';
export { type CodeInfo, type Rename, classificationOfCode, findCodeByName, lookupCode, registryEntries } from './lookup.js';
