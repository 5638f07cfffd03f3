/**
 * The one part of Node's Buffer the .env parser uses (`Buffer.byteLength(text, 'utf8')`), for the
 * browser. esbuild injects it into the page's bundle (ui/build.ts) wherever `Buffer` is free.
 */
const encoder = new TextEncoder();

export const Buffer = {
  byteLength: (text: string, _encoding?: 'utf8') => encoder.encode(text).length,
};
