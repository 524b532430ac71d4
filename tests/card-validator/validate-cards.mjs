#!/usr/bin/env node
// Validates Adaptive Card JSON files with the official `adaptivecards` renderer (npm) in headless Chromium, the
// way a Teams client would meet them: schema 1.5, nothing the renderer does not know, and a card that renders.
//
//   node tests/card-validator/validate-cards.mjs [--screenshots <dir>] <card.json | directory>...
//
// Prints "OK <file>" or one "FAIL <file>: <problem>" line per problem, then "cards: N valid, M invalid".
// Exit code: 0 all valid, 1 some invalid, 2 usage or setup error (no browser, renderer not installed).
//
// Environment: CHROMIUM_PATH overrides /usr/bin/chromium.

import { readFile, readdir, stat, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const rendererScript = path.join(repositoryRoot, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
const rendererStyles = path.join(repositoryRoot, "node_modules", "adaptivecards", "dist", "adaptivecards.css");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const targetVersion = "1.5";

// Teams renders cards in a column about this wide on desktop; screenshots use it so they look like the real thing.
const cardWidth = 500;

function usage(message) {
    if (message) {
        console.error(message);
    }
    console.error("usage: node tests/card-validator/validate-cards.mjs [--screenshots <dir>] <card.json | directory>...");
    process.exit(2);
}

function parseArguments(argv) {
    const inputs = [];
    let screenshots;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--screenshots") {
            screenshots = argv[++i];
            if (!screenshots) {
                usage("--screenshots needs a directory");
            }
        } else if (argv[i] === "--help" || argv[i] === "-h") {
            usage();
        } else if (argv[i].startsWith("--")) {
            usage(`unknown option ${argv[i]}`);
        } else {
            inputs.push(argv[i]);
        }
    }
    if (inputs.length === 0) {
        usage("no card files given");
    }
    return { inputs, screenshots };
}

async function cardFiles(inputs) {
    const files = [];
    for (const input of inputs) {
        let info;
        try {
            info = await stat(input);
        } catch {
            usage(`no such file or directory: ${input}`);
        }
        if (info.isDirectory()) {
            const names = (await readdir(input)).filter((n) => n.endsWith(".json")).sort();
            files.push(...names.map((n) => path.join(input, n)));
        } else {
            files.push(input);
        }
    }
    if (files.length === 0) {
        usage(`no .json files in ${inputs.join(", ")}`);
    }
    return files;
}

// Runs inside the page, once per card. Everything it needs comes from the renderer's own API.
function validateInPage({ card: json, targetVersion: target, whitelistedRootProperties, hostId }) {
    const AC = window.AdaptiveCards;
    const problems = [];
    const eventName = (e) => AC.ValidationEvent[e] ?? `event ${e}`;
    const nameOf = (o) => (o && typeof o.getJsonTypeName === "function" ? `${o.getJsonTypeName()}${o.id ? `#${o.id}` : ""}` : "");
    const describe = (o) => (nameOf(o) ? ` (in ${nameOf(o)})` : "");
    const report = (event, message, source) => {
        // The renderer names a missing "type" as the type "undefined"; say what is actually wrong.
        const hint = /type "undefined"/.test(message) ? ' (an element or action has no "type")' : "";
        problems.push(`[${eventName(event)}] ${message}${hint}${describe(source)}`);
    };

    if (json === null || typeof json !== "object" || Array.isArray(json)) {
        return { problems: ["[InvalidJson] the card is not a JSON object"], rendered: false };
    }
    if (json.version !== target) {
        problems.push(`[UnsupportedCardVersion] version is ${JSON.stringify(json.version)}; Teams cards must say exactly "${target}"`);
    }

    const version = AC.Version.parse(target, new AC.SerializationContext());
    const context = new AC.SerializationContext(version);

    // The renderer silently drops properties it does not know, so a misspelt or misplaced property would pass
    // unnoticed. Each parsed element and action is paired with its JSON here and compared with its schema below.
    const parsed = [];
    const checkFallback = (object, source, parseFallback) => {
        // A known type never reads its fallback, so the renderer would not look at it; parse it on its own so a
        // broken fallback (for clients without Action.Execute, say) is caught too.
        if (source && typeof source.fallback === "object" && source.fallback !== null) {
            parseFallback(object.parent, source.fallback);
        }
    };
    context.onParseElement = (element, source) => {
        parsed.push([element, source]);
        checkFallback(element, source, (parent, fallback) => context.parseElement(parent, fallback, [], false));
    };
    context.onParseAction = (action, source) => {
        parsed.push([action, source]);
        checkFallback(action, source, (parent, fallback) => context.parseAction(parent, fallback, [], false));
    };

    const card = new AC.AdaptiveCard();
    // The renderer would otherwise accept up to its own latest version (1.6).
    card.maxVersion = version;
    try {
        card.parse(json, context);
    } catch (error) {
        return { problems: [...problems, `[Exception] parse threw: ${error && error.message}`], rendered: false };
    }
    parsed.unshift([card, json]);

    // Teams' dynamic typeahead ("choices.data" on Input.ChoiceSet, a Data.Query naming a dataset the bot searches): the
    // renderer dates the property 1.6, but Teams reads it on cards of any version (Microsoft's page "Typeahead search
    // in Adaptive Cards" shows it on a 1.2 card), and clients without it show the input's own choices. It is allowed
    // there and nowhere else, and its content is checked: its properties against the renderer's schema of it (with every
    // element's, further down), its type and dataset here.
    const isTeamsTypeahead = (e) =>
        e.event === AC.ValidationEvent.UnsupportedProperty && e.source instanceof AC.ChoiceSetInput && /"choices\.data"/.test(e.message);
    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        if (!isTeamsTypeahead(e)) {
            report(e.event, e.message, e.source);
        }
    }
    for (const [object, source] of parsed) {
        if (!(object instanceof AC.ChoiceSetInput) || !source || !("choices.data" in source)) {
            continue;
        }
        const raw = source["choices.data"];
        const owner = `${nameOf(object)} choices.data`;
        if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
            problems.push(`[InvalidPropertyValue] "choices.data" is not an object (in ${owner})`);
            continue;
        }
        const query = new AC.ChoiceSetInputDataQuery();
        query.parse(raw, new AC.SerializationContext(AC.Versions.v1_6));
        if (query.type !== "Data.Query") {
            problems.push(`[InvalidPropertyValue] "choices.data" has type ${JSON.stringify(raw.type)}; Teams searches only "Data.Query" (in ${owner})`);
        }
        if (typeof raw.dataset !== "string" || raw.dataset.length === 0) {
            problems.push(`[PropertyCantBeNull] "choices.data" names no dataset (in ${owner})`);
        }
    }

    for (const e of card.validateProperties().validationEvents) {
        report(e.event, e.message, e.source);
    }

    const knownProperties = (object) => {
        const names = new Set(["type", "fallback"]);
        const schema = object.getSchema();
        // Properties newer than the target are known here; the renderer reports them itself (UnsupportedProperty).
        for (let i = 0; i < schema.getCount(); i++) {
            names.add(schema.getItemAt(i).name);
        }
        // Collections the renderer reads by hand rather than through its schema.
        if (typeof object.getItemsCollectionPropertyName === "function") {
            names.add(object.getItemsCollectionPropertyName());
        }
        if (object instanceof AC.ContainerWithActions || object instanceof AC.ActionSet) {
            names.add("actions");
        }
        if (object instanceof AC.ColumnSet) {
            names.add("columns");
        }
        if (object instanceof AC.RichTextBlock) {
            names.add("inlines");
        }
        if (object instanceof AC.Table) {
            names.add("rows");
            names.add("columns");
        }
        if (object instanceof AC.TableRow) {
            names.add("cells");
        }
        if (object instanceof AC.ShowCardAction) {
            names.add("card");
        }
        return names;
    };
    const checkProperties = (object, source, owner, isRoot) => {
        if (!source || typeof source !== "object" || Array.isArray(source)) {
            return;
        }
        const names = knownProperties(object);
        for (const key of Object.keys(source)) {
            if (names.has(key) || (isRoot && whitelistedRootProperties.includes(key))) {
                continue;
            }
            problems.push(`[UnknownProperty] property "${key}" is not in the schema; the renderer ignores it (in ${owner})`);
        }
        // Nested plain objects (facts, choices, refresh, backgroundImage ...); elements and actions are checked
        // through the parse hooks instead.
        const schema = object.getSchema();
        for (let i = 0; i < schema.getCount(); i++) {
            const property = schema.getItemAt(i);
            const value = object.getValue(property);
            const raw = source[property.name];
            if (value instanceof AC.SerializableObject && !(value instanceof AC.CardObject) && !(value instanceof AC.HostCapabilities)) {
                checkProperties(value, raw, `${owner} ${property.name}`, false);
            } else if (Array.isArray(value) && Array.isArray(raw)) {
                value.forEach((item, index) => {
                    if (item instanceof AC.SerializableObject && !(item instanceof AC.CardObject)) {
                        checkProperties(item, raw[index], `${owner} ${property.name}[${index}]`, false);
                    }
                });
            }
        }
    };
    parsed.forEach(([object, source], index) => checkProperties(object, source, nameOf(object), index === 0));

    let rendered = false;
    const host = document.getElementById(hostId);
    try {
        const element = card.render();
        if (element instanceof HTMLElement) {
            host.appendChild(element);
            card.updateLayout();
            rendered = element.offsetHeight > 0;
            if (!rendered) {
                problems.push("[Render] the card rendered to an empty element");
            }
        } else {
            problems.push("[Render] card.render() returned no element");
        }
    } catch (error) {
        problems.push(`[Render] render threw: ${error && error.message}`);
    }
    return { problems, rendered };
}

async function main() {
    const { inputs, screenshots } = parseArguments(process.argv.slice(2));
    const files = await cardFiles(inputs);

    if (!existsSync(rendererScript)) {
        console.error(`The adaptivecards renderer is not installed (${rendererScript} is missing). Run 'npm ci' in the repository root.`);
        process.exit(2);
    }
    if (!existsSync(chromiumPath)) {
        console.error(`Chromium is not installed at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`);
        process.exit(2);
    }
    let chromium;
    try {
        ({ chromium } = await import("playwright-core"));
    } catch (error) {
        console.error(`playwright-core is not installed (${error.message}). Run 'npm ci' in the repository root.`);
        process.exit(2);
    }
    if (screenshots) {
        await mkdir(screenshots, { recursive: true });
    }

    const browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        // Without the background-networking switches Chromium keeps calling home, which a closed network punishes.
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    let valid = 0;
    let invalid = 0;
    try {
        const page = await browser.newPage({ viewport: { width: cardWidth + 40, height: 800 } });
        // Cards may point at images; nothing leaves the machine.
        await page.route("**/*", (route) => route.abort());
        const pageErrors = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
            body { margin: 0; padding: 20px; background: #f5f5f5; font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
            .card-host { width: ${cardWidth}px; background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
            </style></head><body></body></html>`);
        await page.addStyleTag({ path: rendererStyles });
        await page.addScriptTag({ path: rendererScript });
        const loaded = await page.evaluate(() => typeof window.AdaptiveCards?.AdaptiveCard === "function");
        if (!loaded) {
            console.error(`The adaptivecards renderer did not load in Chromium: ${pageErrors.join("; ")}`);
            process.exitCode = 2;
            return;
        }

        for (const [index, file] of files.entries()) {
            const name = path.basename(file);
            const problems = [];
            let card;
            try {
                card = JSON.parse(await readFile(file, "utf8"));
            } catch (error) {
                problems.push(`[InvalidJson] malformed JSON: ${error.message}`);
            }
            if (card !== undefined) {
                const hostId = `card-${index}`;
                await page.evaluate((id) => {
                    document.body.replaceChildren();
                    const host = document.createElement("div");
                    host.id = id;
                    host.className = "card-host";
                    document.body.appendChild(host);
                }, hostId);
                pageErrors.length = 0;
                // Teams-specific and not in the Adaptive Card schema: "msteams": { "width": "Full" } (full-width
                // cards) and "msteams": { "entities": [...] } (mentions) on the card root. Teams reads it; other
                // hosts and this renderer ignore it.
                const result = await page.evaluate(validateInPage, { card, targetVersion, whitelistedRootProperties: ["msteams"], hostId });
                problems.push(...result.problems, ...pageErrors.map((m) => `[PageError] ${m}`));
                if (screenshots && result.rendered) {
                    const shot = path.join(screenshots, name.replace(/\.json$/i, "") + ".png");
                    await page.locator(`#${hostId}`).screenshot({ path: shot });
                }
            }
            if (problems.length === 0) {
                valid++;
                console.log(`OK ${name}`);
            } else {
                invalid++;
                for (const problem of problems) {
                    console.log(`FAIL ${name}: ${problem}`);
                }
            }
        }
    } finally {
        await browser.close();
    }
    console.log(`cards: ${valid} valid, ${invalid} invalid`);
    process.exitCode = invalid === 0 ? 0 : 1;
}

main().catch((error) => {
    console.error(`card validation could not run: ${error && error.stack ? error.stack : error}`);
    process.exit(2);
});
