/** The outcome queue kept in IndexedDB (database `epigrid-offline`, store `outcomes` keyed by clientId), so it survives reloads and a closed app. */
import type { OutcomeQueueStore, QueuedOutcome } from './outcome-queue.js';

const databaseName = 'epigrid-offline';
const storeName = 'outcomes';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(databaseName, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(storeName, { keyPath: 'clientId' });
  };
  return promised(request);
}

/** {@link OutcomeQueueStore} over IndexedDB; each call is one transaction that has committed when it resolves. */
export class IdbOutcomeStore implements OutcomeQueueStore {
  private database: Promise<IDBDatabase> | null = null;

  private async run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    this.database ??= openDatabase();
    const transaction = (await this.database).transaction(storeName, mode);
    const result = promised(work(transaction.objectStore(storeName)));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  }

  /** @inheritDoc */
  async put(item: QueuedOutcome): Promise<void> {
    await this.run('readwrite', (store) => store.put(item));
  }

  /** @inheritDoc */
  all(): Promise<QueuedOutcome[]> {
    return this.run('readonly', (store) => store.getAll() as IDBRequest<QueuedOutcome[]>);
  }

  /** @inheritDoc */
  async remove(clientId: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(clientId));
  }
}
