// Fills the placeholders in manifest.json and the language files and writes the Teams app package (a zip with every
// file at its root). Exit codes: 0 written, 2 bad arguments, 1 anything unexpected.
//
//   node manifest/package.mjs --teams-app-id <guid> --bot-app-id <guid> --domain <host>
//                             [--version 1.0.0] [--out manifest/build/LeanTeamsApp.zip]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeZip } from './tools/zip.mjs';

const manifestDir = path.dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node manifest/package.mjs --teams-app-id <guid> --bot-app-id <guid> --domain <host>
                                [--version 1.0.0] [--out manifest/build/LeanTeamsApp.zip]
  --teams-app-id  the Teams app id (a GUID of your choosing, stable across versions)
  --bot-app-id    the bot's Entra app (client) id, a GUID
  --domain        the host name the app is served from, e.g. lean.example.no (no scheme, port or path)
  --version       the app version, MAJOR.MINOR.PATCH; raise it for every package you upload (default 1.0.0)
  --out           where to write the zip (default manifest/build/LeanTeamsApp.zip)`;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
// Teams accepts only MAJOR.MINOR.PATCH, without a pre-release or build suffix.
const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

function fail(problems, { usage = true } = {}) {
  for (const problem of problems) console.error(`package: ${problem}`);
  if (usage) console.error(USAGE);
  process.exit(2);
}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'teams-app-id': { type: 'string' },
        'bot-app-id': { type: 'string' },
        domain: { type: 'string' },
        version: { type: 'string', default: '1.0.0' },
        out: { type: 'string', default: path.join(manifestDir, 'build', 'LeanTeamsApp.zip') },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail([error.message]);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }

  const problems = [];
  for (const name of ['teams-app-id', 'bot-app-id']) {
    const value = parsed[name];
    if (value === undefined) problems.push(`--${name} is required`);
    else if (!GUID.test(value)) problems.push(`--${name} must be a GUID like 00000000-0000-0000-0000-000000000000 (got "${value}")`);
  }
  const domain = parsed.domain;
  if (domain === undefined) problems.push('--domain is required');
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) problems.push(`--domain must be a host name without a scheme: drop "${domain.split('://')[0]}://" (got "${domain}")`);
  else if (domain.includes('/')) problems.push(`--domain must be a host name without a path (got "${domain}")`);
  else if (domain.includes(':')) problems.push(`--domain must be a host name without a port (got "${domain}")`);
  else if (!HOST_NAME.test(domain)) problems.push(`--domain must be a host name such as lean.example.no (got "${domain}")`);
  if (!VERSION.test(parsed.version)) problems.push(`--version must be MAJOR.MINOR.PATCH such as 1.0.0 (got "${parsed.version}")`);
  if (problems.length > 0) fail(problems);

  return {
    values: {
      TEAMS_APP_ID: parsed['teams-app-id'],
      BOT_APP_ID: parsed['bot-app-id'],
      APP_DOMAIN: domain,
      APP_VERSION: parsed.version,
    },
    out: path.resolve(parsed.out),
  };
}

// The package holds manifest.json and exactly the files it names: icons and language files.
function referencedFiles(manifest) {
  const files = [manifest.icons?.color, manifest.icons?.outline, manifest.icons?.color32x32];
  const localization = manifest.localizationInfo ?? {};
  files.push(localization.defaultLanguageFile, ...(localization.additionalLanguages ?? []).map((l) => l.file));
  return [...new Set(files.filter((file) => typeof file === 'string'))];
}

function fill(name, text, values) {
  const filled = text.replace(PLACEHOLDER, (match) => values[match.slice(2, -2).trim()] ?? match);
  const leftover = [...new Set(filled.match(PLACEHOLDER) ?? [])];
  if (leftover.length > 0) {
    const known = Object.keys(values).map((key) => `{{${key}}}`);
    fail([`${name} still contains ${leftover.join(', ')} after filling; package.mjs fills only ${known.join(', ')}`], { usage: false });
  }
  return filled;
}

const { values, out } = parse(process.argv.slice(2));
const manifestText = fill('manifest.json', readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'), values);
const manifest = JSON.parse(manifestText);
const entries = [{ name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') }];
for (const file of referencedFiles(manifest)) {
  const bytes = readFileSync(path.join(manifestDir, file));
  const data = file.endsWith('.json') ? Buffer.from(fill(file, bytes.toString('utf8'), values), 'utf8') : bytes;
  entries.push({ name: file, data });
}

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, writeZip(entries));
console.log(
  `package: wrote ${out} (${entries.map((e) => e.name).join(', ')}) ` +
    `for app ${values.TEAMS_APP_ID}, bot ${values.BOT_APP_ID}, domain ${values.APP_DOMAIN}, version ${values.APP_VERSION}`,
);
