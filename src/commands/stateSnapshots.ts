import { createHmac, timingSafeEqual } from 'node:crypto';
import { chainHashOf } from '../proof/chain';
import type { EventStore } from '../stores/eventStore.port';
import type { FollowerCheckpoints } from '../stores/followerCheckpoints.port';
import { stateLines, stateOfLines } from './stateText';
import type { Loaded } from './streamStates';

/**
 * The id of the key that authenticates snapshots: a data key like the others (random, wrapped by
 * the master key), made on first use under this fixed id so every process finds it.
 */
export const STATE_SNAPSHOTS_KEY_ID = 'ik_state_snapshots';

/** A snapshot's first line after its tag: what it is a state of, and where in the stream. */
type Header = Readonly<{ v: 1; format: string; streamId: string; revision: number; position: string | null; lastHash: string }>;

/**
 * Snapshots of the command side's folded states, so that loading a stream not held in memory
 * reads the events after its snapshot instead of every event it ever had (StreamStates says when
 * one is taken). They are kept among the saved states of `FollowerCheckpoints`, beside the views
 * (in views.sqlite, or the views' MongoDB database): rebuildable, and not the log.
 *
 * The command side decides rights on these states, so a snapshot is believed only when
 *  - its tag, an HMAC-SHA256 under a data key only the master key opens, is right: whoever can
 *    write to the views' database cannot make one up, or move one to another stream;
 *  - it is of the state format the fold has now (`format`: a fold that changes what it keeps
 *    names a new one, and older snapshots are passed over);
 *  - the log holds the event it says it was folded to, with the same chain hash: a log restored
 *    from an older backup, or another log, does not.
 * Otherwise, or when it cannot be read, the stream is read from its beginning, as without one.
 */
export class StateSnapshots {
  constructor(
    private readonly saved: Pick<FollowerCheckpoints, 'getState' | 'saveState'>,
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly tagKey: () => Promise<Uint8Array>,
  ) {}

  /** The stream's snapshot in `format`, confirmed as above; null when there is none to believe. */
  async read<S>(streamId: string, format: string): Promise<Loaded<S> | null> {
    try {
      const text = await this.saved.getState(savedStateName(streamId));
      if (text === null) return null;
      const newline = text.indexOf('\n');
      const body = text.slice(newline + 1);
      if (newline < 0 || !sameTag(text.slice(0, newline), await this.tag(body))) return null;
      const [first = '', ...lines] = body.split('\n');
      const header = JSON.parse(first) as Header;
      if (header.v !== 1 || header.format !== format || header.streamId !== streamId) return null;
      const [last] = await this.store.readStream(streamId, header.revision - 1, 1);
      if (last?.revision !== header.revision || chainHashOf(last) !== header.lastHash) return null;
      const state = (await stateOfLines(lines)) as S;
      return { state, revision: header.revision, position: header.position, lastHash: header.lastHash };
    } catch {
      return null;
    }
  }

  /** Saves the state as the stream's snapshot, replacing the one before. */
  async save(streamId: string, loaded: Loaded<object>, format: string): Promise<void> {
    const header: Header = { v: 1, format, streamId, revision: loaded.revision, position: loaded.position, lastHash: loaded.lastHash };
    const body = [JSON.stringify(header), ...(await stateLines(loaded.state))].join('\n');
    await this.saved.saveState(savedStateName(streamId), `${await this.tag(body)}\n${body}`);
  }

  private async tag(body: string): Promise<string> {
    return createHmac('sha256', await this.tagKey())
      .update(body)
      .digest('base64url');
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
