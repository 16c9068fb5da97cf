// Test harness: a fake Rasa (REST channel), the real gateway (`python -m bot`) in front of it, and Chromium.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "../..");
export const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const XSS = "<img src=x onerror=alert(1)>";
export const SOURCE_URL = "https://wetten.overheid.nl/BWBR0037173";
export const LMZ = "088 - 120 50 20";

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// What the fake Rasa says to a message (Rasa's REST channel answers a JSON list).
function answer(message) {
  if (message === "/affirm") {  // yes to "shall I delete this conversation?": the assistant asks the gateway to
    return [{ recipient_id: "x", custom: { type: "delete_conversation" } }];
  }
  if (message === "/complaint_route") {
    return [
      { recipient_id: "x", text: "Je wilt klagen. Hier is een voorbeeldbrief." },
      { recipient_id: "x", custom: { type: "download", filename: "klachtbrief.txt", mime_type: "text/plain",
        content: "Geachte klachtenfunctionaris,\n\nIk wil een klacht indienen." } },
    ];
  }
  if (message === "ik wil niet meer leven" || message === "/crisis_help") {  // a crisis answer pins the help line
    return [
      { recipient_id: "x", text: "Praat erover met 113. Chat op 113.nl, of bel 113 of 0800-0113.",
        buttons: [{ title: "Terug naar mijn vraag", payload: "Terug naar mijn vraag" }] },
      { recipient_id: "x", custom: { type: "safety_line" } },
    ];
  }
  if (message.includes("<img") || message.toLowerCase().includes("xss")) {
    return [{ recipient_id: "x", text: `Je schreef: ${XSS} en [klik hier](javascript:alert(2))` }];
  }
  return [
    { recipient_id: "x", text: `Een zwijgcontract over een incident is niet geldig.\nBron: ${SOURCE_URL}. ` +
      "Niet klikbaar: javascript:alert(1)" },
    { recipient_id: "x", text: "Waar kan ik je verder mee helpen?",
      buttons: [{ title: "Waar kan ik klagen?", payload: "/complaint_route" },
                { title: "Wat is een zwijgcontract?", payload: "/faq_zwijgcontract" }] },
  ];
}

export async function startFakeRasa() {
  const fake = { mode: "ok", received: [] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/webhooks/rest/webhook") {
        const data = JSON.parse(body || "{}");
        fake.received.push(data);
        if (fake.mode === "down") {
          res.writeHead(500, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ error: "boom" }));
          return;
        }
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(answer(String(data.message || ""))));
        return;
      }
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("Hello from Rasa: 3.6.21");
    });
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () => new Promise((resolve) => server.close(resolve));
  return fake;
}

async function waitForHttp(url, proc, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`the gateway exited with ${proc.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}

// A tracker store for the gateway to delete conversations from: an empty SQLite file with Rasa's own tables,
// made by Rasa's SQLTrackerStore.
function emptyTrackerStore(python) {
  const url = `sqlite:///${path.join(mkdtempSync(path.join(tmpdir(), "cz-tracker-")), "tracker.db")}`;
  execFileSync(python, ["-c", "import sys\nfrom rasa.core.tracker_store import SQLTrackerStore\n" +
    "from rasa.shared.core.domain import Domain\nSQLTrackerStore(Domain.empty(), host=sys.argv[1])", url],
  { env: { ...process.env, RASA_TELEMETRY_ENABLED: "false" }, stdio: "ignore" });
  return url;
}

export async function startGateway(rasaUrl, extraEnv = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const python = process.env.BOT_PYTHON || path.join(REPO, ".venv/bin/python");
  const proc = spawn(python, ["-m", "bot"], {
    cwd: REPO,
    env: {
      ...process.env, BOT_HOST: "127.0.0.1", BOT_PORT: String(port), ALLOWED_ORIGINS: base, RASA_URL: rasaUrl,
      ACTIONS_URL: rasaUrl, SESSION_SECRET: "browser-test-secret-" + "x".repeat(32), LOG_LEVEL: "WARNING",
      RATE_SESSION_BURST: "100", RATE_ADDRESS_BURST: "500", RATE_SESSION_PER_MINUTE: "600",
      RATE_ADDRESS_PER_MINUTE: "3000", RASA_TIMEOUT: "5", TRACKER_STORE_URL: emptyTrackerStore(python), ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr += d; });
  try {
    await waitForHttp(`${base}/widget.js`, proc, 30);
  } catch (err) {
    proc.kill();
    throw new Error(`${err.message}\n${stderr}`);
  }
  const killOnExit = () => { if (proc.exitCode === null) proc.kill("SIGKILL"); };
  process.once("exit", killOnExit); // never leave a gateway behind, whatever happens to the tests
  return {
    base, proc,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const hard = setTimeout(() => proc.kill("SIGKILL"), 3000);
      proc.once("exit", () => { clearTimeout(hard); resolve(); });
      proc.kill("SIGTERM");
    }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

// Fake Rasa + gateway + browser; `newPage()` gives a page in a fresh context that records alerts, CSP
// violations and page errors.
export async function startAll() {
  const fake = await startFakeRasa();
  const gateway = await startGateway(fake.url);
  const browser = await launchBrowser();
  const contexts = [];
  async function newPage({ width = 1280, height = 800, scale = 1 } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, locale: "nl-NL" });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.dialogs = [];
    page.problems = [];
    page.on("dialog", (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused/i.test(m.text())) page.problems.push(m.text());
    });
    // axe is served at a same-origin URL by the test only, so the page's strict CSP stays on.
    await page.route("**/__axe.min.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: AXE_SOURCE }));
    return page;
  }
  async function stop() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await gateway.stop();
    await fake.close();
  }
  return { fake, gateway, browser, base: gateway.base, newPage, stop };
}

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function axeViolations(page, base) {
  const loaded = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!loaded) await page.addScriptTag({ url: `${base}/__axe.min.js` });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`),
    }));
  }, WCAG_TAGS);
  return violations;
}

// Helpers that look inside the widget's shadow root.
export async function activeInWidget(page) {
  return page.evaluate(() => {
    const host = document.querySelector("cz-chat");
    if (document.activeElement !== host) {
      const a = document.activeElement;
      return { inWidget: false, tag: a && a.tagName.toLowerCase(), text: a && a.textContent.trim() };
    }
    const a = host.shadowRoot.activeElement;
    return { inWidget: true, tag: a && a.tagName.toLowerCase(), cls: a && a.className,
      text: a && a.textContent.trim() };
  });
}

// Presses Tab until the widget's launcher has focus; false when it never does.
export async function tabToLauncher(page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const a = await activeInWidget(page);
    if (a.inWidget && a.text === "Chat met de assistent") return true;
  }
  return false;
}

export async function openWidget(page) {
  await page.locator("cz-chat").getByRole("button", { name: "Chat met de assistent" }).click();
  await page.locator("cz-chat [role=dialog]").waitFor({ state: "visible" });
}

export async function sendMessage(page, text) {
  const input = page.locator("cz-chat").getByLabel("Je vraag");
  await input.fill(text);
  await input.press("Enter");
}

export function botMessages(page) {
  return page.locator("cz-chat li.msg.bot");
}

export function userMessages(page) {
  return page.locator("cz-chat li.msg.user");
}

// What of the widget hides the focused element of the page ("panel covers A …"), or null when nothing does or
// focus is in the widget. Waits two frames first: the widget checks on the frame after focus moved.
export async function obscuredFocus(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    await frame();
    await frame();
    const host = document.querySelector("cz-chat");
    const el = document.activeElement;
    if (!el || el === host || el === document.body) return null;
    const r = el.getBoundingClientRect();
    for (const name of ["[role=dialog]", ".launcher"]) {
      const b = host.shadowRoot.querySelector(name).getBoundingClientRect();
      if (b.width && b.height && b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom) {
        return `${name} covers ${el.tagName} "${el.textContent.trim().slice(0, 40)}"`;
      }
    }
    return null;
  });
}

// Presses Tab `presses` times with the panel open and collects, for every stop on the host page, what hid it.
export async function tabThroughPage(page, presses = 40) {
  const hidden = [];
  let pageStops = 0;
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    if ((await activeInWidget(page)).inWidget) continue;
    pageStops += 1;
    const what = await obscuredFocus(page);
    if (what) hidden.push(what);
  }
  return { pageStops, hidden };
}
