export * from './document';
export { parseCaliber, MAX_CALIBER_BYTES, type ParsedCaliber } from './parse';
export { diffCaliber, type CaliberChange } from './diff';
