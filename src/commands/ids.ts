import { randomBytes } from 'node:crypto';

/** Random ids with a readable prefix; hex, so they never contain the `-` of stream names. */
export type IdFactory = (prefix: 'ws' | 'inv') => string;

export const randomId: IdFactory = (prefix) => `${prefix}_${randomBytes(12).toString('hex')}`;
