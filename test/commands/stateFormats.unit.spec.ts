import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECRETS_STATE_FORMAT } from '../../src/commands/secrets.state';
import { WORKSPACE_STATE_FORMAT } from '../../src/commands/workspace.state';

/**
 * A snapshot is believed only when it is of the format its fold names (stateSnapshots.ts): a fold
 * that keeps something else for the same events, under the same name, would have the command side
 * decide on states no fold of the log makes. So each format is recorded here with the files its
 * fold (and the events it folds) live in. Any change to them fails this test until the record is
 * brought up to date: if the state made of the same events changed, name a new format first.
 */
/** What every state's snapshot rests on: the events' metadata and how a stream's events are parsed, and the snapshot's text and its lines across parts. */
const EVERY_FORMAT = ['src/events/event.ts', 'src/events/streams.ts', 'src/commands/stateText.ts', 'src/commands/stateSnapshots.ts', 'src/stores/textParts.ts'];

const RECORDED: Record<string, { files: string[]; sha256: string }> = {
  [SECRETS_STATE_FORMAT]: {
    files: ['src/commands/secrets.state.ts', 'src/commands/maps.ts', 'src/events/secrets.events.ts', 'src/events/values.ts', ...EVERY_FORMAT],
    sha256: 'cdb7c9645d88d3895c074d3d80e7480f9ee9d02fffcb725808a20703755a89bc',
  },
  [WORKSPACE_STATE_FORMAT]: {
    files: ['src/commands/workspace.state.ts', 'src/commands/maps.ts', 'src/commands/emails.ts', 'src/events/workspace.events.ts', 'src/events/values.ts', ...EVERY_FORMAT],
    sha256: '9217f634cb547120a650a5dc444171c1ce4ece98f729119d93e0631eb4522a5c',
  },
};

const digestOf = (files: readonly string[]) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(file));
  return hash.digest('hex');
};

describe('The formats of the command side’s states', () => {
  for (const [format, { files, sha256 }] of Object.entries(RECORDED)) {
    it(`${format} is recorded with the files its fold lives in as they are`, () => {
      expect(digestOf(files), `${files.join(', ')} changed. If the state folded from the same events changed, name a new format; then record this digest`).toBe(sha256);
    });
  }
});
