// The global the cookie shield's data files fill and the shield reads, then deletes. A file of its own: the shield runs
// in every covered page at document start, so it bundles this name and nothing else of the core.

export const SHIELD_GLOBAL = '__policyGuardRefused';
