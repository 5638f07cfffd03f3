/**
 * Builds the settings page into dist/ui: app.js and app.css (minified, one file each), index.html
 * pointing at them by content hash, and the icon. `npm ci` runs it (the `prepare` script).
 *
 * The page bundles the service's own .env parser (src/import/dotenv.parser.ts) and key rule
 * (src/events/values.ts). values.ts also builds zod schemas the page never uses, and importing
 * it would pull all of zod into the page; so the page gets a module made here from values.ts's
 * own exports (its strings, numbers and regular expressions, as evaluated), not a copy of them.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import * as values from '../src/events/values';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '..', 'dist', 'ui');
const valuesFile = resolve(here, '..', 'src', 'events', 'values.ts');

function constantsOf(module: Record<string, unknown>): string {
  return Object.entries(module)
    .flatMap(([name, value]) => {
      if (value instanceof RegExp) return [`export const ${name} = new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)});`];
      if (typeof value === 'string' || typeof value === 'number') return [`export const ${name} = ${JSON.stringify(value)};`];
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [`export const ${name} = ${JSON.stringify(value)};`];
      return [];
    })
    .join('\n');
}

/** Serves src/events/values.ts to the page as its constants only (no zod). */
const valuesWithoutZod: Plugin = {
  name: 'values-without-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]events[\\/]values\.ts$/ }, (args) =>
      resolve(args.path) === valuesFile ? { contents: constantsOf(values), loader: 'js' } : undefined,
    );
  },
};

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    // main.ts imports styles.css, so esbuild writes app.css beside app.js.
    entryPoints: { app: join(here, 'src', 'main.ts') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome115', 'firefox115', 'safari16'],
    // The parser measures values with Buffer.byteLength; the page has TextEncoder instead.
    inject: [join(here, 'src', 'shims', 'buffer.ts')],
    plugins: [valuesWithoutZod],
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const written = Object.keys(result.metafile.outputs).map((o) => resolve(o));
  for (const name of ['app.js', 'app.css']) {
    if (!written.includes(join(out, name))) throw new Error(`esbuild did not write ${name}`);
  }
  copyFileSync(join(here, 'favicon.svg'), join(out, 'favicon.svg'));
  const html = readFileSync(join(here, 'index.html'), 'utf8')
    .replace('/ui/app.js', `/ui/app.js?v=${hash(join(out, 'app.js'))}`)
    .replace('/ui/app.css', `/ui/app.css?v=${hash(join(out, 'app.css'))}`);
  writeFileSync(join(out, 'index.html'), html);
  const size = (name: string) => readFileSync(join(out, name)).length;
  console.log(`settings page built into dist/ui: app.js ${size('app.js')} bytes, app.css ${size('app.css')} bytes (minified)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
