import type { GlobalOptions } from './settings';

/** What a command gets: its options and arguments, the environment, and where to read and write. */
export type CommandContext = Readonly<{
  options: GlobalOptions & Readonly<Record<string, string | boolean | string[] | undefined>>;
  /** The arguments after the command's name. */
  args: readonly string[];
  /** After `--` (for `run`): the command to start. */
  rest: readonly string[];
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}>;

/** A command answers the process's exit code. */
export type Command = (context: CommandContext) => Promise<number>;
