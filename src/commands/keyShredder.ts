import type { DataKeys } from '../crypto/dataKeys';
import type { KeyStore } from '../crypto/keyStore.port';
import type { ReadStore } from '../stores/readStore.port';
import type { ViewDocs } from '../projections/views';

const PAGE = 1000;

export type ShredderLog = Readonly<{ info(details: object, message: string): void; error(details: object, message: string): void }>;

/**
 * Makes sure a destroyed data key is gone (DESIGN §9). A destroy records its event first and
 * deletes the keys after; if the process stops in between, or a backup brings a key store back
 * from before, the keys would outlive their destroy. So every instance, as it follows the log,
 * forgets each destroyed key at once (before that position counts as reached: callers run this
 * synchronously as they apply the event) and deletes it from the key store again, and at start-up
 * deletes every key the views list as destroyed. Deleting is idempotent.
 */
export class KeyShredder {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataKeys: Pick<DataKeys, 'forget' | 'destroy'>,
    private readonly keyStore: Pick<KeyStore, 'get'>,
    private readonly log: ShredderLog,
    /** Other caches that hold what a data key opened (the resolver's plaintexts). */
    private readonly forgetters: ReadonlyArray<(dataKeyId: string) => void> = [],
  ) {}

  /** Keys a destroy named: forgotten now, deleted from the key store in the background, in order. */
  destroyed(dataKeyIds: readonly string[]): void {
    if (dataKeyIds.length === 0) return;
    for (const id of dataKeyIds) {
      this.dataKeys.forget(id);
      for (const forget of this.forgetters) forget(id);
    }
    this.queue = this.queue.then(async () => {
      for (const id of dataKeyIds) {
        try {
          await this.dataKeys.destroy(id);
        } catch (error) {
          this.log.error({ err: error, dataKeyId: id }, 'a destroyed data key could not be deleted; the next start deletes it');
        }
      }
    });
  }

  /** Every key the views list as destroyed that the key store still holds, deleted. Returns how many. */
  async sweep(views: Pick<ReadStore<ViewDocs>, 'page'>): Promise<number> {
    let deleted = 0;
    for (let afterId: string | undefined; ; ) {
      const page = await views.page('destroyedKeys', { where: {}, afterId, limit: PAGE });
      for (const { id } of page) {
        if ((await this.keyStore.get(id)).length === 0) continue;
        await this.dataKeys.destroy(id);
        deleted += 1;
      }
      if (page.length < PAGE) break;
      afterId = page[page.length - 1]!.id;
    }
    if (deleted > 0) this.log.info({ deleted }, `deleted ${deleted} data keys that a destroy had named (a crash between the two, or a key store restored from before)`);
    return deleted;
  }

  /** Waits for the deletions under way (shutdown, tests). */
  settled(): Promise<void> {
    return this.queue;
  }
}
