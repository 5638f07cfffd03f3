import { Forbidden, namedKeys, NotFound, RuleViolation, type ProblemError } from '../errors';
import { MAX_SECRETS_PER_SCOPE } from '../events/values';

/**
 * One key a batch refuses, where a UI can place it (DESIGN §10): `set.KEY` or `delete.KEY` (a
 * bulk reveal's `keys.KEY`), the reason as a code, and a sentence for its row.
 */
export type KeyRefusal = Readonly<{ field: `set.${string}` | `delete.${string}` | `keys.${string}`; code: string; message: string }>;

export type RefusalKind = 'forbidden' | 'notFound' | 'rule';

/** A batch lists at most this many refused keys (a scope holds at most as many rows) and says how many there were beyond. */
const MAX_LISTED = MAX_SECRETS_PER_SCOPE;

/**
 * Collects every key a batch refuses, then refuses the whole batch at once with all of them in
 * `errors[]`: 403 if any key is forbidden, else 404, else 409. The problem's own `code` and
 * `detail` are those of the kind that decided the status (what clients read before this list).
 */
export class BatchRefusals {
  private readonly byKind: Record<RefusalKind, { refusals: KeyRefusal[]; code: string; summary: string | null }> = {
    forbidden: { refusals: [], code: 'forbidden', summary: null },
    notFound: { refusals: [], code: 'secret_not_found', summary: null },
    rule: { refusals: [], code: 'rule', summary: null },
  };

  /** Refuses these keys for one reason; `summary` names them for the problem's detail. */
  add(kind: RefusalKind, code: string, fields: readonly KeyRefusal['field'][], message: (key: string) => string, summary: (keys: string) => string): void {
    if (fields.length === 0) return;
    const group = this.byKind[kind];
    const keyOf = (field: string) => field.slice(field.indexOf('.') + 1);
    group.refusals.push(...fields.map((field) => ({ field, code, message: message(keyOf(field)) })));
    group.code = code;
    group.summary ??= summary(namedKeys(fields.map(keyOf)));
  }

  /** Throws the refusal of the batch if any key was refused. */
  throwIfAny(): void {
    const kind = (['forbidden', 'notFound', 'rule'] as const).find((k) => this.byKind[k].refusals.length > 0);
    if (kind === undefined) return;
    const all = [...this.byKind.forbidden.refusals, ...this.byKind.notFound.refusals, ...this.byKind.rule.refusals];
    const extra = { errors: all.slice(0, MAX_LISTED), ...(all.length > MAX_LISTED ? { errorCount: all.length } : {}) };
    const { code, summary } = this.byKind[kind];
    const detail = summary ?? 'The batch was refused';
    const error: ProblemError =
      kind === 'forbidden' ? new Forbidden(detail, code, extra) : kind === 'notFound' ? new NotFound(detail, code, extra) : new RuleViolation(code, detail, extra);
    throw error;
  }
}
