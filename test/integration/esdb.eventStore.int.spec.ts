import { EsdbEventStore } from '../../src/stores/eventstoredb/esdb.eventStore';
import { eventStoreContract } from '../stores/eventStore.contract';
import { hashChainContract } from '../stores/hashChain.contract';
import { withServer } from './servers';

withServer('EVENTSTORE_URL', 'EventStoreDB', (url) => {
  eventStoreContract('EventStoreDB', async () => EsdbEventStore.connect(url, ['contract-', 'workspace-']));
  hashChainContract('EventStoreDB', async () => EsdbEventStore.connect(url, ['workspace-', 'workspaceRecords-']));
});
