import { main } from './secrets/main';
import { readStdin } from './secrets/stdin';

/** The `secrets` command line (npm run -s secrets -- COMMAND …; see src/cli/secrets/main.ts). */
process.exitCode = await main(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: () => readStdin(),
});
