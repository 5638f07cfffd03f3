#!/usr/bin/env node
// The package's `secrets` command (npm link, npx secrets): the TypeScript entry, loaded through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/secrets.ts');
