import pino from 'pino';

/**
 * The process logger. Fastify's request serializer logs method, URL and ids only, never
 * bodies; the redaction below also covers any object that carries headers or a body.
 */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'body', 'req.body', 'value', '*.value'],
      censor: '[redacted]',
    },
  });
}
