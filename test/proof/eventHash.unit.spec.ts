import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestEnvelopes, eventHash } from '../../src/proof/eventHash';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * DESIGN §8 written out by hand: the canonical text (keys sorted, no spaces, envelopes replaced by
 * the digest of their own canonical text), hashed. Any faster implementation must give these bytes.
 */
describe('eventHash', () => {
  const envelope = { nonce: 'bm9uY2U=', dataKeyId: 'dk_1', ciphertext: 'Y2lwaGVy' };
  const envelopeDigest = sha256('{"ciphertext":"Y2lwaGVy","dataKeyId":"dk_1","nonce":"bm9uY2U="}');

  it('hashes the canonical JSON of {v, stream, revision, type, data, metadata}, envelopes as digests, metadata without hash', () => {
    const event = {
      stream: 'workspaceSecrets-ws_1',
      revision: 2,
      type: 'SecretSet',
      data: { version: 3, key: 'API_KEY', value: envelope, tags: ['b', 'a', { z: null, y: true }], ratio: 1.5, big: 1e21 },
      metadata: { prev: 'a'.repeat(64), actor: 'alice', at: '2026-11-29T10:00:00.000Z', schemaVersion: 1, clientAddress: envelope, hash: 'ignored', missing: undefined },
    };
    const expected =
      `{"data":{"big":1e+21,"key":"API_KEY","ratio":1.5,"tags":["b","a",{"y":true,"z":null}],"value":{"sha256":"${envelopeDigest}"},"version":3},` +
      `"metadata":{"actor":"alice","at":"2026-11-29T10:00:00.000Z","clientAddress":{"sha256":"${envelopeDigest}"},"prev":"${'a'.repeat(64)}","schemaVersion":1},` +
      `"revision":2,"stream":"workspaceSecrets-ws_1","type":"SecretSet","v":1}`;
    expect(eventHash(event)).toBe(sha256(expected));
  });

  it('escapes strings as JSON does and sorts keys by UTF-16 code units', () => {
    const event = { stream: 's', revision: 1, type: 't', data: { 'é': 'line\nbreak "quoted" \u2028', B: '\u0001', a: '😀' }, metadata: {} };
    const expected = `{"data":{"B":"\\u0001","a":"😀","é":"line\\nbreak \\"quoted\\" \u2028"},"metadata":{},"revision":1,"stream":"s","type":"t","v":1}`;
    expect(eventHash(event)).toBe(sha256(expected));
  });

  it('keeps a "__proto__" key of stored JSON as a key of the hashed text', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"k":2}') as unknown;
    const event = { stream: 's', revision: 1, type: 't', data, metadata: {} };
    expect(eventHash(event)).toBe(sha256('{"data":{"__proto__":{"x":1},"k":2},"metadata":{},"revision":1,"stream":"s","type":"t","v":1}'));
  });

  it('digests envelopes at any depth without touching its input, and leaves a digest as it is', () => {
    const input = { list: [{ value: { ...envelope } }], already: { sha256: envelopeDigest }, plain: { a: 1 } };
    const copy = structuredClone(input);
    expect(digestEnvelopes(input)).toEqual({ list: [{ value: { sha256: envelopeDigest } }], already: { sha256: envelopeDigest }, plain: { a: 1 } });
    expect(input).toEqual(copy);
    const withProto = JSON.parse(`{"__proto__":{"a":1},"value":${JSON.stringify(envelope)}}`) as object;
    const digested = digestEnvelopes(withProto) as Record<string, unknown>;
    expect(Object.keys(digested)).toEqual(['__proto__', 'value']);
    expect(Object.getPrototypeOf(digested)).toBe(Object.prototype);
    expect(digested.value).toEqual({ sha256: envelopeDigest });
  });
});
