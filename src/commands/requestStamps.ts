import type { PersonalData } from '../crypto/personalData';
import { metadataOf, type ClientRequest, type EventMetadata, type SealedRequestContext } from '../events/event';
import { contextFor, type Actor, type Clock } from './actor';
import { merged } from '../merged';

/**
 * Puts the request that caused events into their metadata (DESIGN §7), its addresses sealed under
 * the actor's subject key (DESIGN §8), so no plaintext address ever reaches an event. Deciders
 * never see the request: its context is added to what they decided, only when there is something
 * to record (a refused or empty command makes no subject key), and sealed once per request
 * however many commands and records it makes.
 */
export class RequestStamps {
  private readonly sealed = new WeakMap<ClientRequest, Promise<SealedRequestContext>>();

  constructor(private readonly personalData: Pick<PersonalData, 'sealRequest'>) {}

  /** The events with the actor's request in their metadata; as they are when there is none to add. */
  async stamp<E extends Readonly<{ metadata: EventMetadata }>>(actor: Actor, events: readonly E[]): Promise<E[]> {
    if (events.length === 0 || !actor.request) return [...events];
    const request = await this.contextOf(actor.userId, actor.request);
    return events.map((event) => ({ ...event, metadata: merged(event.metadata, request) }));
  }

  /** The metadata of a record the actor's request makes now (records are not decided: they are written as they are). */
  async metadataOf(actor: Actor, clock: Clock): Promise<EventMetadata> {
    const metadata = metadataOf(contextFor(actor, clock));
    return actor.request ? merged(metadata, await this.contextOf(actor.userId, actor.request)) : metadata;
  }

  /** The sealed context of a request, sealed under `actorId`'s key (the principal the request acts as). */
  contextOf(actorId: string, request: ClientRequest): Promise<SealedRequestContext> {
    let sealing = this.sealed.get(request);
    if (!sealing) {
      sealing = this.personalData.sealRequest(actorId, request);
      // A failed sealing (key store unavailable) is not remembered: the next command tries again.
      sealing.catch(() => this.sealed.delete(request));
      this.sealed.set(request, sealing);
    }
    return sealing;
  }
}
