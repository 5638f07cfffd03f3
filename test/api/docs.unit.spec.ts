import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemCodes } from '../../src/api/openapi/problemCodes';

const docs = readdirSync('docs').filter((name) => name.endsWith('.md'));
const text = (file: string) => readFileSync(file, 'utf8');

describe('The documentation in the repository stands alone', () => {
  it('lists every problem code the API answers with (docs/api.md)', () => {
    const api = text('docs/api.md');
    for (const [status, codes] of Object.entries(problemCodes)) for (const code of codes) expect(api, `${status} ${code}`).toContain(`\`${code}\``);
  });

  it('links only to files that exist in the repository, and to nothing outside it', () => {
    for (const file of ['README.md', ...docs.map((name) => `docs/${name}`)]) {
      const base = file.startsWith('docs/') ? 'docs/' : '';
      for (const [, target] of text(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^https?:/.test(target!)) continue;
        expect(() => readFileSync(`${base}${target}`), `${file} links ${target}`).not.toThrow();
        expect(target, file).not.toContain('shared/');
      }
      expect(text(file), file).not.toContain('../shared');
    }
  });
});
