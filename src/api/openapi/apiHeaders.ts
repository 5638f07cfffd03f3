import type { OpenAPIV3_1 } from 'openapi-types';
import { POSITION_PATTERN } from '../../stores/position';
import { answersEtag, answersPosition, takesIfMatch, waitsForPosition, type RouteFacts } from './routeRules';

type Parameter = OpenAPIV3_1.ParameterObject;
type Header = OpenAPIV3_1.HeaderObject;

const position = { type: 'string', pattern: POSITION_PATTERN.source } as const;

/** The request headers the API reads (as parameters of each operation that reads them). */
export function requestHeadersOf(route: RouteFacts): Parameter[] {
  const headers: Parameter[] = [
    {
      in: 'header',
      name: 'X-Request-Id',
      required: false,
      description: "Your own id for the request: kept with everything it records as `clientRequestId`, beside the service's own (answered as X-Request-Id)",
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,64}$' },
    },
  ];
  if (takesIfMatch(route)) {
    headers.push({
      in: 'header',
      name: 'If-Match',
      required: false,
      description:
        'The revision (ETag) the change is based on: `"7"` or `7`, a list, or `*`. Stale: 412 and nothing is written. Without it, the write applies to the latest revision.',
      schema: { type: 'string' },
    });
  }
  if (waitsForPosition(route)) {
    headers.push({
      in: 'header',
      name: 'X-Min-Position',
      required: false,
      description: 'Answer only once the views reached this log position (a write answered it as X-Position); waits up to 5 s, else 503',
      schema: position,
    });
  }
  return headers;
}

/** The headers of one answer of the route. */
export function responseHeadersOf(route: RouteFacts, status: number): Record<string, Header> {
  const headers: Record<string, Header> = {
    'X-Request-Id': { required: true, description: 'The id the service gave the request (and recorded with what it wrote)', schema: { type: 'string' } },
  };
  const success = status >= 200 && status < 300;
  if (success && answersEtag(route)) {
    headers.ETag = {
      description: 'The revision of the scope as a strong entity tag (`"7"`): send it back as If-Match. Not on `asOf` answers nor on dry runs.',
      schema: { type: 'string', pattern: '^"[0-9]+"$' },
    };
  }
  if (success && answersPosition(route)) {
    headers['X-Position'] = {
      description: 'The log position of what the request wrote: pass it as minPosition / X-Min-Position to read your write elsewhere',
      schema: position,
    };
  }
  if (status === 429) headers['Retry-After'] = { required: true, description: 'Seconds to wait before retrying', schema: { type: 'string', pattern: '^[0-9]+$' } };
  return headers;
}
