// Browser tests of the <cz-chat> widget on the demo page, served by the real gateway in front of a fake Rasa.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  LMZ, REPO, SOURCE_URL, XSS, activeInWidget, axeViolations, obscuredFocus, tabToLauncher, tabThroughPage, botMessages, openWidget,
  sendMessage, startAll, userMessages,
} from "./harness.mjs";

// Screenshots go to results/screenshots; SCREENSHOT_DIR=docs/screenshots renews the ones the README shows.
const SCREENSHOTS = path.resolve(REPO, process.env.SCREENSHOT_DIR || "results/screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });
let env;
const ZOOM_200 = { width: 640, height: 400, scale: 2 };

before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

function noViolations(violations, when) {
  assert.deepEqual(violations, [], `axe violations ${when}:\n${JSON.stringify(violations, null, 2)}`);
}

async function loadDemo(size) {
  const page = await env.newPage(size);
  await page.goto(env.base + "/");
  await page.locator("cz-chat").getByRole("button", { name: "Chat met de assistent" }).waitFor();
  return page;
}

async function answerWithButtons(page) {
  await sendMessage(page, "wat is een zwijgcontract");
  await page.locator("cz-chat button.choice").first().waitFor();
}

describe("page and embedding", () => {
  test("the demo page embeds the widget with exactly one script tag and no inline code", async () => {
    const res = await fetch(env.base + "/");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /^text\/html/);
    assert.match(res.headers.get("content-security-policy"), /script-src 'self'/);
    const html = await res.text();
    assert.equal(html.match(/<script\b/g).length, 1);
    assert.match(html, /<script src="\/widget\.js" defer><\/script>/);
    assert.doesNotMatch(html, /<style\b|\sstyle=/);
    assert.match(html, /<html lang="nl">/);
    for (const [file, type] of [["/widget.js", /javascript/], ["/widget.css", /text\/css/], ["/page.css", /text\/css/]]) {
      const r = await fetch(env.base + file);
      assert.equal(r.status, 200, file);
      assert.match(r.headers.get("content-type"), type, file);
    }
  });

  test("the widget loads under the strict CSP without errors, with its panel closed and in Dutch", async () => {
    const page = await loadDemo();
    const launcher = page.locator("cz-chat").getByRole("button", { name: "Chat met de assistent" });
    assert.equal(await launcher.getAttribute("aria-expanded"), "false");
    const dialog = page.locator("cz-chat [role=dialog]");
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await dialog.getAttribute("lang"), "nl");
    // the styles of the host page do not reach into the shadow root and vice versa
    assert.equal(await page.evaluate(() => !!document.querySelector("cz-chat").shadowRoot.querySelector("link[rel=stylesheet]")), true);
    assert.deepEqual(page.problems, []);
  });
});

describe("accessibility (axe-core: wcag2a, wcag2aa, wcag21a, wcag21aa)", () => {
  test("closed, open, after an answer with buttons, at 320 px", async () => {
    const page = await loadDemo();
    noViolations(await axeViolations(page, env.base), "with the widget closed");
    await openWidget(page);
    noViolations(await axeViolations(page, env.base), "with the widget open");
    await answerWithButtons(page);
    noViolations(await axeViolations(page, env.base), "after an answer with buttons");
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-desktop.png") });

    const small = await loadDemo({ width: 320, height: 640 });
    noViolations(await axeViolations(small, env.base), "at 320 px, closed");
    await openWidget(small);
    await answerWithButtons(small);
    noViolations(await axeViolations(small, env.base), "at 320 px, open with an answer");
    // full-width overlay, and nothing sticks out sideways
    const box = await small.locator("cz-chat [role=dialog]").boundingBox();
    assert.equal(Math.round(box.width), 320);
    assert.equal(await small.evaluate(() => document.documentElement.scrollWidth <= 320), true);
    await small.screenshot({ path: path.join(SCREENSHOTS, "widget-320.png") });
    // (no CSP check here: axe and the screenshot add inline styles of their own, which the CSP rightly blocks)
  });

  test("on a desktop the panel does not cover the whole page height", async () => {
    const page = await loadDemo();
    await openWidget(page);
    const box = await page.locator("cz-chat [role=dialog]").boundingBox();
    assert.ok(box.height < 800 - 50, `panel height ${box.height}`);
    assert.ok(box.width < 640, `panel width ${box.width}`);
  });

  test("at 200% zoom the panel is a full overlay and fits", async () => {
    // A 1280x800 window at 200% zoom is, to the page, a 640x400 CSS-pixel viewport with two device pixels each.
    const page = await loadDemo(ZOOM_200);
    assert.deepEqual(await page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio]), [640, 400, 2]);
    await openWidget(page);
    await answerWithButtons(page);
    const box = await page.locator("cz-chat [role=dialog]").boundingBox();
    assert.deepEqual([box.x, box.y, Math.round(box.width), Math.round(box.height)], [0, 0, 640, 400]);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 640), true);
    assert.equal(await page.locator("cz-chat").getByLabel("Je vraag").isVisible(), true);
    noViolations(await axeViolations(page, env.base), "at 200% zoom");
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-zoom-200.png") });
  });

  test("prefers-reduced-motion stops the typing animation", async () => {
    const page = await loadDemo();
    await page.emulateMedia({ reducedMotion: "reduce" });
    const name = await page.evaluate(() => {
      const dot = document.querySelector("cz-chat").shadowRoot.querySelector(".dot");
      return getComputedStyle(dot).animationName;
    });
    assert.equal(name, "none");
  });

  test("the dialog has a name, a heading, a live log and a labelled input", async () => {
    const page = await loadDemo();
    await openWidget(page);
    const w = page.locator("cz-chat");
    await w.getByRole("dialog", { name: "Assistent cosmetische zorg" }).waitFor();
    await w.getByRole("heading", { name: "Assistent cosmetische zorg" }).waitFor();
    const log = w.getByRole("log");
    assert.equal(await log.getAttribute("aria-live"), "polite");
    assert.equal(await w.getByRole("textbox", { name: "Je vraag" }).count(), 1);
    assert.equal(await w.getByRole("button", { name: "Versturen" }).count(), 1);
    assert.equal(await w.getByRole("button", { name: "Nieuw gesprek" }).count(), 1);
  });
});

describe("keyboard only", () => {
  test("Tab to the launcher, Enter opens, Enter sends, a quick reply, Escape closes", async () => {
    const page = await loadDemo();
    assert.ok(await tabToLauncher(page), "Tab never reached the launcher");
    let found;
    await page.keyboard.press("Enter");
    await page.locator("cz-chat [role=dialog]").waitFor({ state: "visible" });
    let a = await activeInWidget(page);
    assert.equal(a.inWidget, true);
    assert.equal(a.tag, "textarea", "focus moves into the panel on open");

    await page.keyboard.type("wat is een zwijgcontract");
    await page.keyboard.press("Enter");
    await page.locator("cz-chat button.choice").first().waitFor();
    assert.equal(await userMessages(page).last().locator(".text").textContent(), "wat is een zwijgcontract");

    found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press("Shift+Tab");
      a = await activeInWidget(page);
      found = a.inWidget && a.cls === "choice" && a.text === "Waar kan ik klagen?";
    }
    assert.ok(found, "Shift+Tab never reached the quick reply");
    await page.keyboard.press("Enter");
    await page.locator("cz-chat button.download").waitFor();
    assert.equal(await userMessages(page).last().locator(".text").textContent(), "Waar kan ik klagen?");
    assert.equal(env.fake.received.at(-1).message, "/complaint_route", "the payload is sent, not the title");
    assert.equal(await page.locator("cz-chat button.choice").count(), 0, "old quick replies are gone");

    await page.keyboard.press("Escape");
    assert.equal(await page.locator("cz-chat [role=dialog]").isVisible(), false);
    a = await activeInWidget(page);
    assert.equal(a.inWidget, true);
    assert.equal(a.text, "Chat met de assistent", "focus returns to the launcher");
    const expanded = await page.locator("cz-chat .launcher").getAttribute("aria-expanded");
    assert.equal(expanded, "false");
  });

  test("no focus trap: Tab can leave the open panel", async () => {
    const page = await loadDemo();
    await openWidget(page);
    let left = false;
    for (let i = 0; i < 15 && !left; i++) {
      await page.keyboard.press("Tab");
      left = !(await activeInWidget(page)).inWidget;
    }
    assert.ok(left, "focus could not leave the panel");
  });

  test("focused elements get a visible outline", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await page.keyboard.press("Tab"); // to the send button
    const outline = await page.evaluate(() => {
      const a = document.querySelector("cz-chat").shadowRoot.activeElement;
      const s = getComputedStyle(a);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.equal(outline.style, "solid");
    assert.ok(outline.width >= 2);
  });
});

describe("the page's focused element is never hidden by the widget (WCAG 2.4.11)", () => {
  for (const [name, size] of [["desktop", undefined], ["320 px", { width: 320, height: 640 }], ["200% zoom", ZOOM_200]]) {
    test(`Tab through the whole page with the panel open (${name})`, async () => {
      const page = await loadDemo(size);
      await openWidget(page);
      await answerWithButtons(page);
      const { pageStops, hidden } = await tabThroughPage(page);
      assert.ok(pageStops >= 10, `only ${pageStops} stops on the page`);
      assert.deepEqual(hidden, []);
    });
  }

  test("on a desktop the page scrolls the element clear and the panel stays open", async () => {
    const page = await loadDemo();
    await openWidget(page);
    // a link at the right of the text, where the panel is
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.style.cssText = "text-align: right; margin-bottom: 60rem";
      p.innerHTML = '<a id="under" href="#rechten">Onder het paneel</a>';
      document.querySelector("main").appendChild(p);
      window.scrollTo(0, 0);
    });
    const panel = await page.locator("cz-chat [role=dialog]").boundingBox();
    await page.evaluate((top) => window.scrollTo(0, document.getElementById("under").offsetTop - top), panel.y + 100);
    await page.evaluate(() => document.getElementById("under").focus());
    assert.equal(await obscuredFocus(page), null);
    assert.equal(await page.locator("cz-chat [role=dialog]").isVisible(), true);
  });

  test("at the end of the page, where it cannot scroll, the panel folds away and keeps the conversation", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await answerWithButtons(page);
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.style.cssText = "position: absolute; right: 2rem; bottom: 1rem; margin: 0";
      p.innerHTML = '<a id="last" href="#rechten">Helemaal onderaan</a>';
      document.body.appendChild(p);
      document.getElementById("last").focus();
    });
    assert.equal(await obscuredFocus(page), null);
    assert.equal(await page.locator("cz-chat [role=dialog]").isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement.id), "last", "focus stays where it was");
    await openWidget(page);
    assert.ok(await botMessages(page).count() >= 2, "the conversation is still there");
  });
});

describe("safe rendering", () => {
  test("an XSS payload from the user and from the bot is inert text", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await sendMessage(page, XSS);
    await botMessages(page).first().waitFor();
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const root = document.querySelector("cz-chat").shadowRoot;
      return {
        imgs: root.querySelectorAll("img").length + document.querySelectorAll("img").length,
        user: root.querySelector("li.msg.user .text").textContent,
        bot: root.querySelector("li.msg.bot .text").textContent,
        badLinks: [...root.querySelectorAll("a")].filter((a) => !/^https?:/.test(a.href)).length,
      };
    });
    assert.equal(state.imgs, 0, "no <img> element was made");
    assert.equal(state.user, XSS);
    assert.ok(state.bot.includes(XSS), state.bot);
    assert.ok(state.bot.includes("[klik hier](javascript:alert(2))"), "a javascript: Markdown link stays text");
    assert.equal(state.badLinks, 0);
    assert.deepEqual(page.dialogs, [], "no alert fired");
    assert.deepEqual(page.problems, []);
  });

  test("http(s) links are clickable, javascript: links are not", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await sendMessage(page, "zwijgcontract");
    await page.locator("cz-chat button.choice").first().waitFor();
    const links = await page.evaluate(() => [...document.querySelector("cz-chat").shadowRoot.querySelectorAll("li.msg a")]
      .map((a) => ({ href: a.getAttribute("href"), rel: a.rel, target: a.target })));
    assert.deepEqual(links.map((l) => l.href), [SOURCE_URL], "the trailing full stop is not part of the link");
    assert.match(links[0].rel, /noopener/);
    const text = await botMessages(page).first().locator(".text").textContent();
    assert.ok(text.includes("javascript:alert(1)"));
  });

  test("a download button saves the file from the answer", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await answerWithButtons(page);
    await page.locator("cz-chat button.choice", { hasText: "Waar kan ik klagen?" }).click();
    const button = page.locator("cz-chat").getByRole("button", { name: "Download klachtbrief.txt" });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    assert.equal(download.suggestedFilename(), "klachtbrief.txt");
  });
});

describe("conversation state", () => {
  test("a reload keeps the conversation (sessionStorage, not localStorage); Nieuw gesprek clears it", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await answerWithButtons(page);
    const before = await page.locator("cz-chat li.msg").count();
    const senderBefore = env.fake.received.at(-1).sender;
    await page.reload();
    await openWidget(page);
    assert.equal(await page.locator("cz-chat li.msg").count(), before);
    assert.equal(await page.locator("cz-chat button.choice").count(), 2, "the last quick replies are offered again");
    const storage = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
    assert.equal(storage.session, 1);
    assert.equal(storage.local, 0);
    await sendMessage(page, "nog een vraag");
    await page.waitForFunction((n) => document.querySelector("cz-chat").shadowRoot.querySelectorAll("li.msg").length > n, before + 1);
    assert.equal(env.fake.received.at(-1).sender, senderBefore, "the same session after a reload");

    await page.locator("cz-chat").getByRole("button", { name: "Nieuw gesprek" }).click();
    assert.equal(await page.locator("cz-chat li.msg").count(), 0);
    await sendMessage(page, "hallo");
    await botMessages(page).first().waitFor();
    assert.notEqual(env.fake.received.at(-1).sender, senderBefore, "a new session id");
  });
});

describe("the help line after a crisis answer", () => {
  test("stays one tap away in the header, survives a reload, asks for help, and goes with Nieuw gesprek", async () => {
    const page = await loadDemo();
    await openWidget(page);
    const help = page.locator("cz-chat").getByRole("button", { name: "Hulp nu (113 / 112)" });
    assert.equal(await help.count(), 0, "no help button before a crisis answer");
    await sendMessage(page, "ik wil niet meer leven");
    await page.locator("cz-chat li.msg.bot", { hasText: "113.nl" }).waitFor();
    await help.waitFor();
    assert.equal(await page.locator("cz-chat li.msg.bot").count(), 1, "the pin is no message of its own");
    noViolations(await axeViolations(page, env.base), "with the help button");
    await page.reload();
    await openWidget(page);
    await help.waitFor();
    await help.click();
    await page.waitForFunction(() => document.querySelector("cz-chat").shadowRoot.querySelectorAll("li.msg.bot").length >= 2);
    assert.equal(env.fake.received.at(-1).message, "/crisis_help");
    await page.locator("cz-chat").getByRole("button", { name: "Nieuw gesprek" }).click();
    assert.equal(await help.count(), 0, "a new conversation starts without it");
  });
});

describe("privacy", () => {
  test("after the gateway deleted the conversation the tab forgets it too, and starts a new session", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await answerWithButtons(page);
    const senderBefore = env.fake.received.at(-1).sender;
    await sendMessage(page, "/affirm");
    await page.locator("cz-chat li.msg.bot", { hasText: "Je gesprek is gewist" }).waitFor();
    assert.equal(await page.locator("cz-chat li.msg").count(), 1, "only the confirmation is left");
    await page.reload();
    await openWidget(page);
    assert.equal(await page.locator("cz-chat li.msg").count(), 1, "the deleted messages do not come back");
    await sendMessage(page, "hallo");
    await page.waitForFunction(() => document.querySelector("cz-chat").shadowRoot.querySelectorAll("li.msg").length >= 3);
    assert.notEqual(env.fake.received.at(-1).sender, senderBefore, "a new session id");
  });

  test("the panel links to the privacy statement, which is accessible under the same CSP", async () => {
    const page = await loadDemo();
    await openWidget(page);
    const link = page.locator("cz-chat .intro a");
    assert.equal(await link.getAttribute("href"), env.base + "/privacy");
    await page.goto(env.base + "/privacy");
    await page.getByRole("heading", { level: 1, name: "Privacyverklaring van de chat" }).waitFor();
    assert.ok((await page.locator("main").textContent()).includes("30 dagen"));
    assert.deepEqual(page.problems, []);  // (before axe, which tries inline styles of its own)
    noViolations(await axeViolations(page, env.base), "on the privacy page");
  });
});

describe("waiting", () => {
  test("a typing indicator (aria-hidden) and a hidden status 'De assistent typt' while waiting", async () => {
    const page = await loadDemo();
    await openWidget(page);
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route("**/api/chat", async (route) => { await held; await route.continue(); });
    await sendMessage(page, "hallo");
    const typing = page.locator("cz-chat .typing");
    await typing.waitFor({ state: "visible" });
    assert.equal(await typing.getAttribute("aria-hidden"), "true");
    assert.equal(await page.locator("cz-chat [role=status]").textContent(), "De assistent typt");
    release();
    await page.locator("cz-chat button.choice").first().waitFor();
    assert.equal(await typing.isVisible(), false);
    assert.equal(await page.locator("cz-chat [role=status]").textContent(), "");
  });
});

describe("errors", () => {
  test("Rasa down: the gateway's message with the LMZ number and a retry button that resends", async () => {
    const page = await loadDemo();
    await openWidget(page);
    env.fake.mode = "down";
    try {
      await sendMessage(page, "hallo");
      const retry = page.locator("cz-chat").getByRole("button", { name: "Probeer opnieuw" });
      await retry.waitFor();
      const text = await page.locator("cz-chat li.msg.error").innerText();
      assert.ok(text.includes(LMZ), text);
      env.fake.mode = "ok";
      const count = env.fake.received.length;
      await retry.click();
      await page.locator("cz-chat button.choice").first().waitFor();
      assert.equal(env.fake.received.length, count + 1);
      assert.equal(env.fake.received.at(-1).message, "hallo");
      assert.equal(await page.locator("cz-chat li.msg.error").count(), 0);
      assert.equal(await userMessages(page).count(), 1, "the message is not shown twice");
    } finally {
      env.fake.mode = "ok";
    }
  });

  test("network failure: the built-in Dutch message with the LMZ number", async () => {
    const page = await loadDemo();
    await openWidget(page);
    await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
    await sendMessage(page, "hallo");
    await page.locator("cz-chat").getByRole("button", { name: "Probeer opnieuw" }).waitFor();
    const text = await page.locator("cz-chat li.msg.error").innerText();
    assert.ok(text.includes(LMZ), text);
  });

  test("429: the message is shown and sending waits for Retry-After", async () => {
    const page = await loadDemo();
    await openWidget(page);
    let calls = 0;
    await page.route("**/api/chat", (route) => {
      calls += 1;
      return route.fulfill({ status: 429, headers: { "Retry-After": "30" }, contentType: "application/json",
        body: JSON.stringify({ error: "rate_limited", message: "Je stuurt veel berichten kort na elkaar.", retry_after: 30 }) });
    });
    await sendMessage(page, "hallo");
    await page.locator("cz-chat li.msg.error").waitFor();
    assert.match(await page.locator("cz-chat li.msg.error").innerText(), /Je stuurt veel berichten/);
    await sendMessage(page, "nog een");
    await page.waitForTimeout(300);
    assert.equal(calls, 1, "no request before Retry-After");
    const status = await page.locator("cz-chat [role=status]").textContent();
    assert.match(status, /Wacht nog \d+ seconden/);
  });
});
