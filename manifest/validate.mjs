// Checks a Teams app package offline: the JSON schemas bundled in manifest/schema/ plus what the schemas cannot
// see (zip layout, icon sizes and pixels, command lists, language files against the manifest).
// Exit codes: 0 valid, 1 problems found (each printed), 2 could not run (bad arguments, missing node_modules).
//
//   node manifest/validate.mjs <package.zip>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng, PngError, readPngHeader } from './tools/png.mjs';
import { readZip, ZipError } from './tools/zip.mjs';

const manifestDir = path.dirname(fileURLToPath(import.meta.url));
const MAX_COMMANDS_PER_LIST = 12;
const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 };
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const list = (value) => (Array.isArray(value) ? value : []);
const COMMAND_KEY = /^bots\[(\d+)\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/;

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith('-')) {
  console.error('usage: node manifest/validate.mjs <package.zip>');
  process.exit(2);
}
const packagePath = path.resolve(args[0]);
let archive;
try {
  archive = readFileSync(packagePath);
} catch (error) {
  console.error(`validate: cannot read ${packagePath}: ${error.message}`);
  process.exit(2);
}

const problems = [];
const report = (problem) => problems.push(problem);
const { schemaFor } = await loadSchemas();
const summary = validatePackage(archive);

if (problems.length > 0) {
  for (const problem of problems) console.error(`validate: ${problem}`);
  console.error(`validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${packagePath}`);
  process.exit(1);
}
console.log(`validate: OK ${path.basename(packagePath)}: ${summary}`);

async function loadSchemas() {
  let Ajv;
  let addFormats;
  try {
    ({ default: Ajv } = await import('ajv-draft-04'));
    ({ default: addFormats } = await import('ajv-formats'));
  } catch (error) {
    console.error(`validate: cannot load ajv (${error.message.split('\n')[0]}); run "npm ci" at the repository root`);
    process.exit(2);
  }
  // The Teams schemas are draft-04; their patterns are written for non-Unicode regular expressions (one of them
  // does not compile with the u flag), and they put additionalProperties on schemas without a type.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri']);
  const load = (file) => ajv.compile(JSON.parse(readFileSync(path.join(manifestDir, 'schema', file), 'utf8')));
  const validators = {
    manifest: load('MicrosoftTeams.schema.json'),
    localization: load('MicrosoftTeams.Localization.schema.json'),
  };
  return { schemaFor: (kind) => validators[kind] };
}

function validatePackage(bytes) {
  let entries;
  try {
    entries = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) {
      report(`the package is not a readable zip: ${error.message}`);
      return null;
    }
    throw error;
  }

  const files = new Map();
  for (const { name, data } of entries) {
    if (name.includes('/') || name.includes('\\')) {
      report(`"${name}" is inside a folder; Teams wants every file at the root of the zip`);
    } else if (files.has(name)) {
      report(`"${name}" is in the zip more than once`);
    } else {
      files.set(name, data);
    }
  }

  const manifest = readJson(files, 'manifest.json');
  if (manifest === null) return null;
  checkSchema('manifest', 'manifest.json', manifest);
  checkPlaceholders('manifest.json', files.get('manifest.json'));
  if (typeof manifest.version === 'string' && !/^\d+\.\d+\.\d+$/.test(manifest.version)) {
    report(`manifest.json version "${manifest.version}" is not MAJOR.MINOR.PATCH`);
  }

  const referenced = checkReferencedFiles(manifest, files);
  for (const [role, size] of Object.entries(ICON_SIZES)) {
    const file = manifest.icons?.[role];
    if (typeof file === 'string' && files.has(file)) checkIcon(role, file, files.get(file), size);
  }
  const commandCount = checkCommandLists(manifest);
  checkTabUrls(manifest);
  const languages = checkLanguageFiles(manifest, files);

  for (const name of files.keys()) {
    if (name !== 'manifest.json' && !referenced.has(name)) {
      report(`"${name}" is in the zip but manifest.json does not refer to it`);
    }
  }

  const lists = list(manifest.bots).reduce((sum, bot) => sum + list(bot?.commandLists).length, 0);
  const tags = [`${manifest.localizationInfo?.defaultLanguageTag ?? 'en'} (default)`, ...languages];
  return (
    `${manifest.name?.short} ${manifest.version} (manifest ${manifest.manifestVersion}), ${files.size} files, ` +
    `${commandCount} bot commands in ${lists} lists, languages ${tags.join(', ')}`
  );
}

function readJson(files, name) {
  if (!files.has(name)) {
    report(`the zip has no ${name} at its root`);
    return null;
  }
  let document;
  try {
    document = JSON.parse(files.get(name).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    report(`${name} is not valid JSON: ${error.message}`);
    return null;
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    report(`${name} is not a JSON object`);
    return null;
  }
  return document;
}

function checkSchema(kind, name, document) {
  const validate = schemaFor(kind);
  if (validate(document)) return;
  for (const error of validate.errors) {
    const where = error.instancePath || '(root)';
    let detail = error.message;
    if (error.keyword === 'additionalProperties') detail = `has unknown property "${error.params.additionalProperty}"`;
    else if (error.keyword === 'enum') detail = `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (error.keyword === 'const') detail = `must be ${JSON.stringify(error.params.allowedValue)}`;
    report(`${name} ${where} ${detail} (schema)`);
  }
}

function checkPlaceholders(name, data) {
  const leftover = [...new Set(data.toString('utf8').match(PLACEHOLDER) ?? [])];
  if (leftover.length > 0) {
    report(`${name} still contains ${leftover.join(', ')}; build the package with manifest/package.mjs`);
  }
}

function checkReferencedFiles(manifest, files) {
  const references = [];
  for (const role of Object.keys(ICON_SIZES)) references.push([`icons.${role}`, manifest.icons?.[role]]);
  const localization = manifest.localizationInfo ?? {};
  references.push(['localizationInfo.defaultLanguageFile', localization.defaultLanguageFile]);
  list(localization.additionalLanguages).forEach((language, i) =>
    references.push([`localizationInfo.additionalLanguages[${i}].file`, language?.file]),
  );

  const referenced = new Set();
  for (const [field, file] of references) {
    if (typeof file !== 'string') continue;
    referenced.add(file);
    if (file.includes('/') || file.includes('\\')) {
      report(`${field} is "${file}"; the file must sit at the root of the zip, named without a folder`);
    } else if (!files.has(file)) {
      report(`${field} names "${file}", which is not in the zip`);
    }
  }
  return referenced;
}

function checkIcon(role, file, data, size) {
  let image;
  try {
    const { width, height } = readPngHeader(data);
    if (width !== size || height !== size) {
      report(`icons.${role} "${file}" is ${width}x${height} pixels; Teams wants ${size}x${size}`);
    }
    image = decodePng(data);
  } catch (error) {
    if (error instanceof PngError) {
      report(`icons.${role} "${file}" is not a usable PNG: ${error.message}`);
      return;
    }
    throw error;
  }
  if (role !== 'outline') return;

  // Teams shows the outline icon tinted: it must be pure white on full transparency, nothing in between.
  let stray = 0;
  let first = null;
  let white = 0;
  let clear = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const [r, g, b, a] = image.rgba.subarray(i, i + 4);
    if (a === 0) clear++;
    else if (a === 255 && r === 255 && g === 255 && b === 255) white++;
    else {
      stray++;
      first ??= `(${(i / 4) % image.width},${Math.floor(i / 4 / image.width)}): rgba(${r},${g},${b},${a})`;
    }
  }
  if (stray > 0) {
    const pixels = stray === 1 ? '1 pixel' : `${stray} pixels`;
    report(`icons.outline "${file}" has ${pixels} neither opaque white nor fully transparent, the first at ${first}`);
  }
  if (white === 0) report(`icons.outline "${file}" has no opaque white pixel`);
  if (clear === 0) report(`icons.outline "${file}" has no transparent pixel`);
}

function checkCommandLists(manifest) {
  let count = 0;
  list(manifest.bots).forEach((bot, b) => {
    const scopesSeen = new Map();
    list(bot?.commandLists).forEach((commandList, l) => {
      const where = `bots[${b}].commandLists[${l}]`;
      const commands = list(commandList?.commands);
      count += commands.length;
      if (commands.length > MAX_COMMANDS_PER_LIST) {
        report(`${where} has ${commands.length} commands; Teams allows at most ${MAX_COMMANDS_PER_LIST} per list`);
      }
      reportDuplicates(
        commands.map((c) => c?.title),
        (title) => `${where} has the command title "${title}" more than once`,
      );
      for (const scope of list(commandList?.scopes)) {
        if (scopesSeen.has(scope)) {
          report(`${where} repeats scope "${scope}" of bots[${b}].commandLists[${scopesSeen.get(scope)}]; use one list per scope`);
        } else scopesSeen.set(scope, l);
      }
    });
  });
  return count;
}

// Teams loads a tab only from a host in validDomains, over https; Entra issues the tab's SSO token for the
// webApplicationInfo resource, whose host must be the tab's own and whose last segment is the app id.
function checkTabUrls(manifest) {
  const domains = list(manifest.validDomains).filter((d) => typeof d === 'string').map((d) => d.toLowerCase());
  const allowed = (host) => domains.some((d) => d === host || (d.startsWith('*.') && host.endsWith(d.slice(1))));
  const urls = [];
  list(manifest.staticTabs).forEach((tab, i) => {
    urls.push([`staticTabs[${i}].contentUrl`, tab?.contentUrl]);
    urls.push([`staticTabs[${i}].websiteUrl`, tab?.websiteUrl]);
  });
  list(manifest.configurableTabs).forEach((tab, i) => urls.push([`configurableTabs[${i}].configurationUrl`, tab?.configurationUrl]));
  for (const [field, value] of urls) {
    if (typeof value !== 'string') continue;
    const url = parseUrl(value);
    if (url?.protocol !== 'https:') report(`${field} "${value}" is not an https URL`);
    else if (!allowed(url.hostname)) report(`${field} "${value}" is not on a host in validDomains`);
  }

  const sso = manifest.webApplicationInfo;
  if (typeof sso?.resource !== 'string') return;
  const resource = parseUrl(sso.resource);
  if (resource?.protocol !== 'api:' || !allowed(resource.hostname)) {
    report(`webApplicationInfo.resource "${sso.resource}" is not api://<a host in validDomains>/…`);
  } else if (typeof sso.id === 'string' && resource.pathname !== `/${sso.id}`) {
    report(`webApplicationInfo.resource "${sso.resource}" is not api://${resource.hostname}/${sso.id} (webApplicationInfo.id)`);
  }
}

function parseUrl(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function reportDuplicates(titles, describe) {
  const seen = new Set();
  const reported = new Set();
  for (const title of titles) {
    if (typeof title !== 'string') continue;
    const key = title.trim().toLowerCase();
    if (seen.has(key) && !reported.has(key)) {
      report(describe(title));
      reported.add(key);
    }
    seen.add(key);
  }
}

function checkLanguageFiles(manifest, files) {
  const localization = manifest.localizationInfo ?? {};
  const languages = list(localization.additionalLanguages).filter((l) => l !== null && typeof l === 'object');
  reportDuplicates(
    [localization.defaultLanguageTag, ...languages.map((l) => l.languageTag)],
    (tag) => `localizationInfo names language "${tag}" more than once`,
  );

  const commands = [];
  list(manifest.bots).forEach((bot, b) =>
    list(bot?.commandLists).forEach((commandList, l) =>
      list(commandList?.commands).forEach((command, c) => commands.push({ b, l, c, command: command ?? {} })),
    ),
  );

  const checked = [];
  for (const { languageTag, file } of languages) {
    if (typeof file !== 'string' || !files.has(file)) continue;
    const strings = readJson(files, file);
    if (strings === null) continue;
    checked.push(languageTag);
    checkSchema('localization', file, strings);
    checkPlaceholders(file, files.get(file));

    // Every translated key must point at a string the manifest has, or Teams rejects the package.
    for (const key of Object.keys(strings)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      if (typeof resolve(manifest, key) !== 'string') {
        report(`${file} translates "${key}", which manifest.json does not have`);
      }
    }

    const titles = Object.keys(strings).filter((key) => COMMAND_KEY.exec(key)?.[4] === 'title');
    if (titles.length !== commands.length) {
      report(`${file} has ${titles.length} command titles; manifest.json has ${commands.length} commands`);
    }
    for (const { b, l, c, command } of commands) {
      for (const field of ['title', 'description']) {
        const key = `bots[${b}].commandLists[${l}].commands[${c}].${field}`;
        if (typeof command[field] === 'string' && !(key in strings)) {
          report(`${file} lacks "${key}" (manifest.json: "${command[field]}")`);
        }
      }
    }
    const byList = new Map();
    for (const { b, l, c } of commands) {
      const where = `bots[${b}].commandLists[${l}]`;
      byList.set(where, [...(byList.get(where) ?? []), strings[`${where}.commands[${c}].title`]]);
    }
    for (const [where, localized] of byList) {
      reportDuplicates(localized, (title) => `${file} gives ${where} the command title "${title}" more than once`);
    }
  }
  return checked;
}

// Follows a localisation key such as "bots[0].commandLists[1].commands[2].title" or "name.short" into the manifest.
function resolve(manifest, key) {
  let node = manifest;
  for (const part of key.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = part.startsWith('[') ? (Array.isArray(node) ? node[Number(part.slice(1, -1))] : undefined) : node[part];
  }
  return node;
}
