import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ViewProgress } from '../projections/projector';

/** What every write answers with: where its last event is in the log, and a scope's new revision. */
export type Written = Readonly<{ position: string | null; revision?: number }>;

export type WriteAnswer = Readonly<{
  /** 200 by default; 201 for something created; 202 for what is recorded now and followed by more later (a deletion); 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** The body; `{revision, position}` by default. */
  body?: object;
}>;

declare module 'fastify' {
  interface FastifyReply {
    /**
     * The one way to answer a write: once the views applied it (bounded; it is durable either way),
     * with its position in `X-Position` and, for a scope's write, the new revision as the ETag.
     */
    written(result: Written, answer?: WriteAnswer): Promise<FastifyReply>;
  }
}

export const writesPlugin = fp<{ progress: ViewProgress; waitMs: number }>(
  async (app, { progress, waitMs }) => {
    app.decorateReply('written', async function written(this: FastifyReply, result: Written, answer: WriteAnswer = {}) {
      // Read-your-writes without minPosition: the writer's next query sees its write.
      if (result.position !== null) await progress.waitFor(result.position, waitMs);
      if (result.position !== null) this.header('x-position', result.position);
      if (result.revision !== undefined) this.header('etag', `"${result.revision}"`);
      const status = answer.status ?? 200;
      if (status === 204) return this.code(204).send(null);
      return this.code(status).send(answer.body ?? { revision: result.revision, position: result.position ?? '0' });
    });
  },
  { name: 'writes' },
);
