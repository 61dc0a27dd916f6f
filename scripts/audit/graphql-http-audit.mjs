// The GraphQL over HTTP audit of graphql-http (its serverAudits) against one endpoint.
//
//   node scripts/audit/graphql-http-audit.mjs URL   (or scripts/graphql-http-audit URL)
//
// Prints every audit that fails (id, name, reason): MUST as FAIL, SHOULD as WARN, MAY as
// a NOTE, then the summary line
//   graphql-http audit: N MUST failures, N SHOULD failures (M audits, K MAY notes)
// Exit status: 0 when every MUST and SHOULD audit passes (MAY audits may fail), 1 when
// one does not, 2 on a usage error.
import { readFileSync } from 'node:fs';
import { serverAudits } from 'graphql-http';

const REQUEST_TIMEOUT_MS = 10000;
const LABELS = { MUST: 'FAIL', SHOULD: 'WARN', MAY: 'NOTE' };

const url = process.argv[2];
if (!url || process.argv.length > 3 || !/^https?:\/\//.test(url)) {
  console.error('usage: graphql-http-audit URL  (e.g. http://127.0.0.1:8000/graphql/)');
  process.exit(2);
}

const version = JSON.parse(
  readFileSync(new URL('node_modules/graphql-http/package.json', import.meta.url), 'utf8'),
).version;

// Every request with a timeout, so a server that hangs fails its audit instead of the run.
function fetchFn(input, init = {}) {
  return fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

function level(name) {
  return name.split(' ', 1)[0];
}

async function bodyOf(response) {
  try {
    const text = await response.clone().text();
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
  } catch {
    return null; // already read by the audit
  }
}

// One audit after the other (auditServer runs them all at once): the log of a test server
// stays readable, and no audit fails because of another's load.
const results = [];
for (const { id, name, fn } of serverAudits({ url, fetchFn })) {
  try {
    results.push(await fn());
  } catch (error) {
    // graphql-http throws (rather than reporting) when the request itself fails.
    const cause = error.cause ? ` (${error.cause.code || error.cause.message})` : '';
    results.push({ id, name, status: 'fatal', reason: `${error.message}${cause}` });
  }
}

console.log(`graphql-http ${version} audit of ${url}`);
const failures = { MUST: 0, SHOULD: 0, MAY: 0 };
for (const result of results) {
  if (result.status === 'ok') continue;
  const requirement = level(result.name);
  failures[requirement] += 1;
  console.log(`${LABELS[requirement]} ${result.id} ${result.name}`);
  console.log(`     ${result.reason}`);
  if (result.response) {
    const body = await bodyOf(result.response);
    const type = result.response.headers.get('content-type');
    console.log(`     answered ${result.response.status} ${type}${body ? `: ${body}` : ''}`);
  }
}
console.log(
  `graphql-http audit: ${failures.MUST} MUST failures, ${failures.SHOULD} SHOULD failures ` +
    `(${results.length} audits, ${failures.MAY} MAY notes)`,
);
process.exit(failures.MUST || failures.SHOULD ? 1 : 0);
