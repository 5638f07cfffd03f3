import { parseArgs } from 'node:util';
import { readKeptSeal, readPublicKeys, verifyExportFile } from '../proof/verifyExportFile';

/**
 * Checks a proof export (GET …/audit/export) offline, with no server and no data directory:
 *   npm run verify-audit -- FILE --public-key KEY [--public-key KEY…] [--since-seal SEAL]
 * KEY: `id:base64`, a file of those, or the JSON of GET /v1/audit/public-keys.
 * SEAL: a seal kept from before (its JSON, or a file of seals such as a SEAL_SINK copy: the last
 * line is taken); the export must then come from `?sinceSeal=<its sequence>`.
 * Exit 0 when everything holds; 1, naming each break, when something does not; 2 on a usage error.
 */
function usage(message: string): never {
  console.error(`${message}\nusage: npm run verify-audit -- FILE --public-key KEY [--public-key KEY] [--since-seal SEAL]`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'public-key': { type: 'string', multiple: true }, 'since-seal': { type: 'string' } },
});
const [file] = positionals;
if (!file || positionals.length > 1) usage('one export file, please');
if (!values['public-key']?.length) usage('at least one --public-key');

let keys;
let kept = null;
try {
  keys = readPublicKeys(values['public-key']);
  if (values['since-seal']) kept = readKeptSeal(values['since-seal']);
} catch (error) {
  usage(`could not read the keys or the kept seal: ${(error as Error).message}`);
}

const report = await verifyExportFile(file, keys, kept);
for (const finding of report.findings) {
  const where = [finding.stream && `stream ${finding.stream}`, finding.revision !== undefined && `revision ${finding.revision}`, finding.seal !== undefined && `seal ${finding.seal}`]
    .filter(Boolean)
    .join(', ');
  console.log(`BROKEN ${finding.problem}${where ? ` (${where})` : ''}: ${finding.detail}`);
}
const rate = report.seconds > 0 ? Math.round(report.events / report.seconds) : report.events;
console.log(
  `${report.ok ? 'INTACT' : `BROKEN: ${report.findings.length} finding(s)`}: workspace ${report.workspaceId ?? '?'}, ${report.events} events in ${report.streams} streams, ` +
    `newest seal ${report.newestSeal ?? 'none'}${kept ? `, kept seal ${kept.sequence}` : ''}; ${report.unsealedEvents} events after the newest seal (chained, not yet sealed); ` +
    `${report.chainedAtMigration} chained at migration; ${report.prunedStreams} record streams pruned (starting at a sealed anchor); ${report.seconds.toFixed(2)} s, ${rate} events/s`,
);
process.exit(report.ok ? 0 : 1);
