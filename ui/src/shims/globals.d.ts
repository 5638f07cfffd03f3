/** The page's bundle gets `Buffer` from shims/buffer.ts (injected by esbuild) and CSS files as side effects. */
declare const Buffer: { byteLength(text: string, encoding?: 'utf8'): number };
declare module '*.css';
