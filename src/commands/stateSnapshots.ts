import { createHmac, timingSafeEqual } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { chainHashOf } from '../proof/chain';
import type { EventStore } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { linesOfParts, piecesOfLines } from '../stores/textParts';
import { stateLines, stateOfLines } from './stateText';
import type { Loaded } from './streamStates';

/**
 * The id of the key that authenticates snapshots: a data key like the others (random, wrapped by
 * the master key), made on first use under this fixed id so every process finds it.
 */
export const STATE_SNAPSHOTS_KEY_ID = 'ik_state_snapshots';

/**
 * A snapshot's first line after its tag: the format of its state, and the event it was folded to
 * (its revision and chain hash). The stream is the one it is saved under: the chain hash covers
 * the stream's name (DESIGN §8), so a snapshot moved to another stream is refused by the log.
 * The text after it is `stateLines`'; test/commands/stateFormats.unit.spec.ts holds this file and
 * stateText.ts to every format, so a change to either names new formats.
 */
type Header = Readonly<{ format: string; revision: number; lastHash: string }>;

/**
 * Snapshots of the command side's folded states, so that loading a stream not held in memory
 * reads the events after its snapshot instead of every event it ever had (StreamStates says when
 * one is taken). They are kept among the saved states of `FollowerCheckpoints`, beside the views
 * (in views.sqlite, or the views' MongoDB database): rebuildable, and not the log.
 *
 * The command side decides rights on these states, so a snapshot is believed only when
 *  - its tag, an HMAC-SHA256 under a data key only the master key opens, is right: whoever can
 *    write to the views' database cannot make one up;
 *  - it is of the state format the fold has now (`format`: a fold that changes what it keeps
 *    names a new one, and older snapshots are passed over);
 *  - the stream it is read for holds the event it says it was folded to, with the same chain
 *    hash: another stream, a log restored from an older backup, or another log, does not.
 * Otherwise the stream is read from its beginning, as without one. An older snapshot of the same
 * stream, put back, is believed: it is the fold of that stream's first events, and the events
 * after it are read.
 */
export class StateSnapshots {
  constructor(
    private readonly saved: Pick<FollowerCheckpoints, 'getState' | 'saveState'>,
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly tagKey: () => Promise<Uint8Array>,
  ) {}

  /**
   * The stream's snapshot in `format`, confirmed as above; null when there is none to believe.
   * Throws when it cannot be read (a store or the key store failing).
   */
  async read<S>(streamId: string, format: string): Promise<Loaded<S> | null> {
    const parts = await this.saved.getState(savedStateName(streamId));
    if (parts === null) return null;
    const [tag = '', first, ...lines] = await linesOfParts(parts);
    if (first === undefined || !sameTag(tag, await this.tag([first, ...lines]))) return null;
    const header = JSON.parse(first) as Header;
    if (header.format !== format) return null;
    const [last] = await this.store.readStream(streamId, header.revision - 1, 1);
    if (last?.revision !== header.revision || chainHashOf(last) !== header.lastHash) return null;
    const state = (await stateOfLines(lines)) as S;
    return { state, revision: last.revision, position: last.position, lastHash: header.lastHash };
  }

  /**
   * Saves the state as the stream's snapshot, replacing the one before: its tag, then its lines,
   * a line to a piece. The text is never made whole: a state at every bound makes ~10 MB of it.
   */
  async save(streamId: string, loaded: Loaded<object>, format: string): Promise<void> {
    const header: Header = { format, revision: loaded.revision, lastHash: loaded.lastHash };
    const body = [JSON.stringify(header), ...(await stateLines(loaded.state))];
    const lines = [await this.tag(body), ...body];
    await this.saved.saveState(savedStateName(streamId), piecesOfLines(lines));
  }

  /** The HMAC of the lines joined by newlines, a line at a time, the event loop turning between them. */
  private async tag(lines: readonly string[]): Promise<string> {
    const hmac = createHmac('sha256', await this.tagKey());
    for (const [index, line] of lines.entries()) {
      if (index > 0) {
        hmac.update('\n');
        await setImmediate();
      }
      hmac.update(line);
    }
    return hmac.digest('base64url');
  }
}

/** Saved states of followers are named by follower ('sealer', …); no follower's name holds a `:`. */
function savedStateName(streamId: string): string {
  return `state:${streamId}`;
}

function sameTag(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
