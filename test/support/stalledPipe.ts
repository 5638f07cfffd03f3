import { Writable } from 'node:stream';

/** A file or pipe that takes nothing until told to: a SIEM or a disk that stopped reading. */
export function stalledPipe() {
  let stalled: (() => void) | null = null;
  let reading = false;
  let taken = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const take = () => ((taken += chunk.length), done());
      if (reading) take();
      else stalled = take;
    },
  });
  const resume = () => {
    reading = true;
    stalled?.();
  };
  return { out, resume, taken: () => taken };
}
