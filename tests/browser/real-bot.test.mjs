// The widget against the real assistant (Rasa, the action server and the gateway started by scripts/run.sh):
// runs when REAL_GATEWAY_URL is set, as in `make test` step 6.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  AXE_SOURCE, REPO, XSS, activeInWidget, axeViolations, tabToLauncher, tabThroughPage, botMessages, launchBrowser,
  openWidget, sendMessage, userMessages,
} from "./harness.mjs";

const BASE = process.env.REAL_GATEWAY_URL;
// Screenshots go to results/screenshots; SCREENSHOT_DIR=docs/screenshots renews the ones the README shows.
const SCREENSHOTS = path.resolve(REPO, process.env.SCREENSHOT_DIR || "results/screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });
let browser;

async function demoPage({ width = 1280, height = 800, scale = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, locale: "nl-NL" });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);
  page.dialogs = [];
  page.on("dialog", (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.route("**/__axe.min.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: AXE_SOURCE }));
  await page.goto(BASE + "/");
  await page.locator("cz-chat").getByRole("button", { name: "Chat met de assistent" }).waitFor();
  return page;
}

async function lastBotTextContains(page, words) {
  await page.waitForFunction((ws) => {
    const host = document.querySelector("cz-chat");
    const text = [...host.shadowRoot.querySelectorAll("li.msg.bot")].map((li) => li.textContent).join(" ").toLowerCase();
    return ws.every((w) => text.includes(w));
  }, words.map((w) => w.toLowerCase()), { timeout: 30000 });
}

describe("the widget with the real assistant", { skip: !BASE && "REAL_GATEWAY_URL is not set" }, () => {
  before(async () => { browser = await launchBrowser(); });
  after(async () => { if (browser) await browser.close(); });

  test("a sourced answer, then the complaint route by buttons, accessible throughout", async () => {
    const page = await demoPage();
    assert.deepEqual(await axeViolations(page, BASE), [], "with the widget closed");
    await openWidget(page);
    assert.deepEqual(await axeViolations(page, BASE), [], "with the widget open");
    await sendMessage(page, "Is een zwijgcontract geldig?");
    await lastBotTextContains(page, ["nietig", "wetten.overheid.nl"]);
    // the source link is a real link
    assert.ok(await page.locator("cz-chat li.msg.bot a[href^='https://wetten.overheid.nl']").count() > 0);

    await sendMessage(page, "waar kan ik klagen");
    await page.locator("cz-chat button.choice", { hasText: "Nederland" }).waitFor();
    assert.deepEqual(await axeViolations(page, BASE), []);
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-real-desktop.png") });
    await page.locator("cz-chat button.choice", { hasText: "Nederland" }).click();
    await lastBotTextContains(page, ["wie gaf de behandeling"]);
    assert.ok(await botMessages(page).count() >= 3);
  });

  test("keyboard only: open, chat, press a quick reply, close", async () => {
    const page = await demoPage();
    assert.ok(await tabToLauncher(page), "Tab never reached the launcher");
    let found;
    await page.keyboard.press("Enter");
    await page.keyboard.type("waar kan ik klagen");
    await page.keyboard.press("Enter");
    await page.locator("cz-chat button.choice", { hasText: "Buitenland" }).waitFor();
    found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press("Shift+Tab");
      const a = await activeInWidget(page);
      found = a.inWidget && a.cls === "choice" && a.text === "Buitenland";
    }
    assert.ok(found, "Shift+Tab never reached the quick reply");
    await page.keyboard.press("Enter");
    await lastBotTextContains(page, ["wie gaf de behandeling"]);
    await page.keyboard.press("Escape");
    const a = await activeInWidget(page);
    assert.equal(a.text, "Chat met de assistent", "focus returns to the launcher");
  });

  test("at 320 px, with the guided help", async () => {
    const page = await demoPage({ width: 320, height: 640 });
    await openWidget(page);
    await sendMessage(page, "tot wanneer heeft de kliniek om te antwoorden");
    await lastBotTextContains(page, ["op welke datum"]);
    await sendMessage(page, "10 januari 2026");
    await lastBotTextContains(page, ["21 februari 2026"]);
    assert.deepEqual(await axeViolations(page, BASE), []);
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-real-320.png") });
  });

  test("an XSS payload in both directions is inert text: typed, and written back by the assistant in the letter",
    async () => {
      const page = await demoPage();
      await openWidget(page);
      await sendMessage(page, "help me een klachtbrief te schrijven");
      await lastBotTextContains(page, ["welke kliniek"]);
      await sendMessage(page, "Kliniek <b>Mooi</b>");
      await lastBotTextContains(page, ["wat voor behandeling"]);
      await sendMessage(page, "fillers");
      await lastBotTextContains(page, ["wanneer was de behandeling"]);
      await sendMessage(page, "maart 2026");
      await lastBotTextContains(page, ["wat ging er mis"]);
      await sendMessage(page, `${XSS} mijn lip is scheef`);
      await lastBotTextContains(page, ["wat wil je bereiken"]);
      await page.locator("cz-chat button.choice", { hasText: "Uitleg" }).click();
      // the assistant's letter quotes what the person wrote: the payload comes back from the bot
      await lastBotTextContains(page, ["geachte", XSS, "<b>mooi</b>"]);
      assert.ok((await userMessages(page).allTextContents()).some((t) => t.includes(XSS)));
      const elements = await page.evaluate(() => {
        const root = document.querySelector("cz-chat").shadowRoot;
        return { img: root.querySelectorAll("img").length, b: root.querySelectorAll("li b").length,
          script: root.querySelectorAll("li script").length };
      });
      assert.deepEqual(elements, { img: 0, b: 0, script: 0 });
      await page.waitForTimeout(300);
      assert.deepEqual(page.dialogs, [], "no script ran");
    });

  test("at 200% zoom, and the page's focused element is never hidden by the panel", async () => {
    const page = await demoPage({ width: 640, height: 400, scale: 2 });
    await openWidget(page);
    await sendMessage(page, "waar kan ik klagen");
    await page.locator("cz-chat button.choice", { hasText: "Nederland" }).waitFor();
    assert.deepEqual(await axeViolations(page, BASE), []);
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-real-zoom-200.png") });
    const { pageStops, hidden } = await tabThroughPage(page);
    assert.ok(pageStops >= 10, `only ${pageStops} stops on the page`);
    assert.deepEqual(hidden, []);
  });
});
