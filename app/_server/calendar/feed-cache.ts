import "server-only";

/**
 * Built feeds kept in process memory, newest use last (a Map keeps insertion order), so that a poll of an
 * unchanged feed renders nothing. One entry per feed and language, holding the data version it was built
 * from: a new version replaces it. Only a cache: a miss rebuilds the same bytes from the database.
 */
export class FeedCache<Value> {
  private readonly entries = new Map<string, { version: string; value: Value }>();

  constructor(private readonly capacity = 256) {}

  get(key: string, version: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
