import { unwrap } from '../../../clients/typescript';
import { EXIT, UsageError } from './cliErrors';
import { followCursor } from './cursorPages';
import type { Command } from './context';
import { signedInClient } from './settings';

/** `workspaces`: yours, as `id<TAB>name<TAB>permission`; `workspaces create NAME`: a new one, printing its id. */
export const workspaces: Command = async (context) => {
  const client = signedInClient(context.options, context.env);
  const [action, ...names] = context.args;
  if (action === undefined) {
    // The service answers them a page at a time.
    const { entries: mine } = await followCursor(Infinity, async (cursor) => {
      const page = unwrap(await client.GET('/v1/workspaces', { params: { query: { cursor } } }));
      return { entries: page.workspaces, nextCursor: page.nextCursor };
    });
    if (context.options.json) context.out(`${JSON.stringify(mine, null, 2)}\n`);
    else for (const w of mine) context.out(`${w.id}\t${w.name}\t${w.permission}\n`);
    return EXIT.ok;
  }
  if (action !== 'create' || names.length === 0) throw new UsageError('usage: secrets workspaces [create NAME]');
  const created = unwrap(await client.POST('/v1/workspaces', { body: { name: names.join(' ') } }));
  context.out(`${created.id}\n`);
  return EXIT.ok;
};
