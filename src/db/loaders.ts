/**
 * Per-request DataLoaders, created on first use and keyed by the named query they batch. Nothing here
 * outlives a request: a new registry is made for each operation's context.
 */
import DataLoader from "dataloader";
import type { Database, NamedQuery, QueryCounter, Row } from "./gateway.js";

export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly db: Database,
    private readonly counter: QueryCounter,
  ) {}

  /** One row per key: the query takes $ids and returns rows with an `id` column. */
  byId(query: NamedQuery): DataLoader<string, Row | null> {
    return this.get(query, async (ids) => {
      const rows = await this.db.read(query, { ids: [...ids] }, this.counter);
      const byKey = new Map(rows.map((row) => [row.id as string, row]));
      return ids.map((id) => byKey.get(id) ?? null);
    });
  }

  /**
   * Many rows per key: the query takes $ids (and `params`) and returns rows with a `key` column naming
   * their parent. One loader per query and set of params.
   */
  related(query: NamedQuery, params: Record<string, unknown> = {}): DataLoader<string, Row[]> {
    return this.get(query, async (ids) => {
      const rows = await this.db.read(query, { ...params, ids: [...ids] }, this.counter);
      const byKey = new Map<string, Row[]>();
      for (const row of rows) {
        const key = row.key as string;
        const group = byKey.get(key);
        if (group) group.push(row);
        else byKey.set(key, [row]);
      }
      return ids.map((id) => byKey.get(id) ?? []);
    }, params);
  }

  private get<V>(query: NamedQuery, batch: (ids: readonly string[]) => Promise<V[]>, params?: Record<string, unknown>): DataLoader<string, V> {
    const name = params && Object.keys(params).length > 0 ? `${query.name} ${JSON.stringify(params)}` : query.name;
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
