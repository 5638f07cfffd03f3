import Fastify from 'fastify';

/** The baseline: fastify parsing a JSON body and answering a small JSON, nothing else. */
const app = Fastify({ logger: false });
app.post('/', async () => ({ ok: true }));
app.get('/', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
