/** All of standard input, as UTF-8 text. */
export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A value piped in (`echo value | …`) loses the one line ending `echo` added, nothing else. */
export function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
