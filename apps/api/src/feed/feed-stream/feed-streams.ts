import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Open SSE streams, ended before the HTTP server closes so that shutdown does not wait on them. */
@Injectable()
export class FeedStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  add(close: () => void): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.open]) close();
    this.open.clear();
  }
}
