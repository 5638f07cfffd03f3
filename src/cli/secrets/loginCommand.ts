import { EXIT, UsageError } from './cliErrors';
import type { Command } from './context';
import { saveToken, tokenFilePath } from './tokenFile';

/**
 * `login`: keeps a token (from standard input, or `--token`) in a file only its owner can read,
 * for the commands after it. Says where, never what.
 */
export const login: Command = async (context) => {
  if (context.args.length > 0) throw new UsageError('usage: secrets login [--token TOKEN]   (or the token on standard input)');
  const given = typeof context.options.token === 'string' ? context.options.token : await context.readStdin();
  const token = given.trim();
  if (token === '' || /\s/.test(token)) throw new UsageError('Give one token: `npm run -s token -- --sub alice | secrets login`');
  const path = tokenFilePath(context.env);
  saveToken(path, token);
  context.err(`Signed in: the token is kept in ${path} (readable by you only). SECRETS_TOKEN, when set, is used instead.\n`);
  return EXIT.ok;
};
