/*
 * <cz-chat>: the accessible chat widget of the Assistent cosmetische zorg.
 *
 * One tag on any page adds it:  <script src="https://<gateway>/widget.js" defer></script>
 * Plain JavaScript, no framework, no build step. Everything lives in a Shadow DOM; the styles come from
 * widget.css next to this file (a <link>, since a strict CSP blocks inline styles). Bot and user text is only
 * ever put in the page with textContent / createElement, never as HTML. Links are made only for http(s) URLs.
 * The conversation (messages and a random session id) is kept in sessionStorage: it survives a reload in the
 * same tab and is gone when the tab closes. Nothing is kept in localStorage or cookies.
 */
(function () {
  "use strict";

  if (window.customElements && window.customElements.get("cz-chat")) {
    return;
  }

  var SCRIPT = document.currentScript;
  var BASE = SCRIPT && SCRIPT.src ? SCRIPT.src : window.location.href;
  var CSS_URL = new URL("widget.css", BASE).href;
  var API_URL = new URL("/api/chat", BASE).href;
  var PRIVACY_URL = new URL("/privacy", BASE).href;
  var STORE_KEY = "cz-chat:v1";
  var MAX_STORED = 200;

  var T = {
    launcher: "Chat met de assistent",
    title: "Assistent cosmetische zorg",
    intro: "Stel je vraag over een cosmetische behandeling, je rechten of een klacht. " +
      "Deel geen naam, adres, BSN of medische gegevens. Is het dringend? Bel 112. Denk je aan zelfdoding? Bel 113.",
    privacy: "Privacy: wat we bewaren",
    log: "Gesprek",
    you: "Jij: ",
    bot: "Assistent: ",
    label: "Je vraag",
    hint: "Druk op Enter om te versturen, Shift + Enter voor een nieuwe regel.",
    send: "Versturen",
    reset: "Nieuw gesprek",
    close: "Chat sluiten",
    typing: "De assistent typt",
    choices: "Kies een antwoord",
    download: "Download ",
    newTab: " (opent in een nieuw tabblad)",
    retry: "Probeer opnieuw",
    // the gateway's own text when the assistant cannot answer (bot/texts.py RASA_DOWN, data/knowledge/safety.yml)
    failed: "Het lukt nu even niet om je vraag te beantwoorden. Probeer het over een paar minuten opnieuw. " +
      "Is het dringend? Bij levensgevaar bel je 112. Denk je aan zelfdoding? Bel 113 of 0800-0113, of chat op " +
      "113.nl, dag en nacht. Bij klachten na een behandeling bel je je huisarts, of 's avonds en in het weekend de " +
      "huisartsenpost. Wil je nu iemand spreken over een klacht over de zorg? Bel dan het Landelijk Meldpunt Zorg: " +
      "088 - 120 50 20, op werkdagen van 9:00 tot 17:00 uur.",
    // after a crisis reply, the help line stays one tap away for the rest of the conversation
    helpNow: "Hulp nu (113 / 112)",
    helpPayload: "/crisis_help",
    unreadable: "Er ging iets mis. Probeer het opnieuw.",
    wait: function (s) { return "Wacht nog " + s + " seconden en probeer het dan opnieuw."; },
    ready: "Je kunt weer een bericht sturen.",
    started: "Nieuw gesprek gestart."
  };

  // ---------- storage (sessionStorage only; falls back to memory when it is not available) ----------
  var memory = null;

  function load() {
    try {
      var raw = window.sessionStorage.getItem(STORE_KEY);
      if (raw) {
        var data = JSON.parse(raw);
        if (data && typeof data.session === "string" && Array.isArray(data.messages)) {
          data.safetyLine = data.safetyLine === true;
          return data;
        }
      }
    } catch (e) { /* unavailable or corrupt: start fresh */ }
    return memory;
  }

  function save(state) {
    var data = { session: state.session, messages: state.messages.slice(-MAX_STORED), safetyLine: !!state.safetyLine };
    memory = data;
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(data));
    } catch (e) { /* full or unavailable: memory only */ }
  }

  function newSessionId() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  // ---------- small DOM helpers ----------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function hiddenText(text) {
    return el("span", { "class": "visually-hidden" }, text);
  }

  // http(s) URLs in plain text, and Markdown links [title](http...)
  var LINK_RE = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|\bhttps?:\/\/[^\s<>"'`]+/gi;
  var TRAILING = /[.,;:!?'")\]]+$/;

  function safeHttpUrl(candidate) {
    try {
      var url = new URL(candidate);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function makeLink(href, label) {
    var a = el("a", { href: href, target: "_blank", rel: "noopener noreferrer" }, label);
    a.appendChild(hiddenText(T.newTab));
    return a;
  }

  // Appends text to parent as text nodes, with http(s) links as <a> elements. Never parses HTML.
  function appendLinkedText(parent, text) {
    var last = 0;
    var match;
    LINK_RE.lastIndex = 0;
    while ((match = LINK_RE.exec(text)) !== null) {
      var whole = match[0];
      var label;
      var target;
      if (match[1] !== undefined) {
        label = match[1];
        target = match[2];
      } else {
        var trail = whole.match(TRAILING);
        if (trail) {
          whole = whole.slice(0, whole.length - trail[0].length);
        }
        label = whole;
        target = whole;
      }
      var href = safeHttpUrl(target);
      if (!href) {
        continue;
      }
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      parent.appendChild(makeLink(href, label));
      last = match.index + whole.length;
      LINK_RE.lastIndex = last;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  var MIME_RE = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i;

  function safeFilename(name) {
    var clean = String(name).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").replace(/^\.+/, "").slice(0, 100);
    return clean || "download.txt";
  }

  function download(custom) {
    var mime = MIME_RE.test(custom.mime_type) ? custom.mime_type : "text/plain";
    if (/^text\//i.test(mime)) {
      mime += ";charset=utf-8";
    }
    var blob = new Blob([custom.content], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: safeFilename(custom.filename) });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // ---------- the element ----------
  var uid = 0;

  // Whether the visible box `cover` overlaps the element `target` (both in the viewport).
  function covers(cover, target) {
    var a = cover.getBoundingClientRect();
    var b = target.getBoundingClientRect();
    if (a.width === 0 || a.height === 0 || b.width === 0 || b.height === 0) {
      return false;
    }
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  class CzChat extends HTMLElement {
    constructor() {
      super();
      this.ids = "cz" + (++uid);
      this.busy = false;
      this.blockedUntil = 0;
      this.pending = null;
      this.root = this.attachShadow({ mode: "open" });
      var stored = load();
      this.state = stored || { session: newSessionId(), messages: [] };
      this.build();
    }

    build() {
      var root = this.root;
      var id = this.ids;
      var css = el("link", { rel: "stylesheet", href: CSS_URL });
      var wrap = el("div", { "class": "wrap" });
      wrap.hidden = true; // until the styles are there: no flash of unstyled widget
      var show = function () { wrap.hidden = false; };
      css.addEventListener("load", show);
      css.addEventListener("error", show);
      root.appendChild(css);
      root.appendChild(wrap);

      this.launcher = el("button", {
        type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": id + "-panel"
      });
      var icon = el("span", { "class": "launcher-icon", "aria-hidden": "true" });
      this.launcher.appendChild(icon);
      this.launcher.appendChild(el("span", { "class": "launcher-text" }, T.launcher));
      this.launcher.addEventListener("click", this.toggle.bind(this));

      var panel = el("div", {
        id: id + "-panel", "class": "panel", role: "dialog", "aria-modal": "false",
        "aria-labelledby": id + "-title", "aria-describedby": id + "-intro", lang: "nl"
      });
      panel.hidden = true;
      this.panel = panel;

      var head = el("div", { "class": "head" });
      this.heading = el("h2", { id: id + "-title", "class": "title", tabindex: "-1" }, T.title);
      var tools = el("div", { "class": "tools" });
      this.helpButton = el("button", { type: "button", "class": "tool help-now" }, T.helpNow);
      this.helpButton.hidden = !this.state.safetyLine;
      this.helpButton.addEventListener("click", this.send.bind(this, T.helpPayload, T.helpNow));
      this.resetButton = el("button", { type: "button", "class": "tool reset" }, T.reset);
      this.resetButton.addEventListener("click", this.reset.bind(this));
      this.closeButton = el("button", { type: "button", "class": "tool close", "aria-label": T.close });
      this.closeButton.appendChild(el("span", { "aria-hidden": "true" }, "\u00d7"));
      this.closeButton.addEventListener("click", this.close.bind(this));
      tools.appendChild(this.helpButton);
      tools.appendChild(this.resetButton);
      tools.appendChild(this.closeButton);
      head.appendChild(this.heading);
      head.appendChild(tools);

      var intro = el("p", { id: id + "-intro", "class": "intro" }, T.intro + " ");
      intro.appendChild(makeLink(PRIVACY_URL, T.privacy));

      this.log = el("div", {
        "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
        "aria-label": T.log, tabindex: "0"
      });
      this.list = el("ol", { "class": "messages" });
      this.log.appendChild(this.list);

      this.typing = el("div", { "class": "typing", "aria-hidden": "true" });
      for (var i = 0; i < 3; i++) {
        this.typing.appendChild(el("span", { "class": "dot" }));
      }
      this.typing.hidden = true;
      this.status = el("div", { "class": "visually-hidden", role: "status" });

      var form = el("form", { "class": "compose", novalidate: "" });
      var label = el("label", { "for": id + "-input", "class": "label" }, T.label);
      var hint = el("p", { id: id + "-hint", "class": "hint" }, T.hint);
      this.input = el("textarea", {
        id: id + "-input", name: "message", rows: "2", maxlength: "1000", autocomplete: "off",
        "aria-describedby": id + "-hint"
      });
      this.sendButton = el("button", { type: "submit", "class": "send" }, T.send);
      var row = el("div", { "class": "row" });
      row.appendChild(this.input);
      row.appendChild(this.sendButton);
      form.appendChild(label);
      form.appendChild(row);
      form.appendChild(hint);
      var self = this;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.submitInput();
      });
      this.input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          self.submitInput();
        }
      });

      panel.appendChild(head);
      panel.appendChild(intro);
      panel.appendChild(this.log);
      panel.appendChild(this.typing);
      panel.appendChild(this.status);
      panel.appendChild(form);
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.stopPropagation();
          self.close();
        }
      });

      wrap.appendChild(panel);
      wrap.appendChild(this.launcher);
      this.renderAll();
    }

    // ---------- the host page's focus stays visible (WCAG 2.4.11) ----------
    connectedCallback() {
      if (!this.onPageFocus) {
        this.onPageFocus = this.pageFocused.bind(this);
      }
      document.addEventListener("focusin", this.onPageFocus, true);
    }

    disconnectedCallback() {
      document.removeEventListener("focusin", this.onPageFocus, true);
    }

    // Focus moved to an element of the host page. The browser scrolls it into view after the focus event, so the
    // check waits for the next frame. Focus inside the widget reaches the document as the widget itself.
    pageFocused(event) {
      var target = event.target;
      if (!target || target === this || this.contains(target) || !target.getBoundingClientRect) {
        return;
      }
      var self = this;
      window.requestAnimationFrame(function () {
        if (document.activeElement === target) {
          self.uncover(target);
        }
      });
    }

    // What the widget shows on top of the page: the open panel, else the launcher.
    cover() {
      return this.isOpen ? this.panel : this.launcher;
    }

    // Makes sure the open panel or the launcher does not hide the focused element of the page: scroll the page
    // so the element sits above it; where the page cannot scroll that far (the end of the page, or a panel that
    // fills a small screen), the panel folds away (the conversation stays) and the launcher moves aside.
    uncover(target) {
      if (!covers(this.cover(), target)) {
        return;
      }
      var box = this.cover().getBoundingClientRect();
      var rect = target.getBoundingClientRect();
      var top = box.top - rect.height - 8; // where the element's top must be to sit just above
      if (top >= 0) {
        window.scrollBy({ top: rect.top - top, left: 0, behavior: "instant" });
      }
      if (!covers(this.cover(), target)) {
        return;
      }
      if (this.isOpen) {
        this.fold();
        this.uncover(target);
      } else if (!this.hasAttribute("aside")) {
        this.setAttribute("aside", "");
      } else {
        this.removeAttribute("aside");
      }
    }

    // ---------- open / close ----------
    get isOpen() {
      return !this.panel.hidden;
    }

    toggle() {
      if (this.isOpen) {
        this.close();
      } else {
        this.open();
      }
    }

    open() {
      this.panel.hidden = false;
      this.launcher.setAttribute("aria-expanded", "true");
      this.setAttribute("open", "");
      this.scrollToEnd();
      this.input.focus();
    }

    close() {
      if (!this.isOpen) {
        return;
      }
      this.fold();
      this.launcher.focus();
    }

    // Closes the panel without moving focus (focus is on the page).
    fold() {
      this.panel.hidden = true;
      this.launcher.setAttribute("aria-expanded", "false");
      this.removeAttribute("open");
    }

    reset() {
      this.state = { session: newSessionId(), messages: [] };
      this.pending = null;
      save(this.state);
      this.showHelp(false);
      this.renderAll();
      this.announce(T.started);
      this.input.value = "";
      this.input.focus();
    }

    // The help button in the header, once the assistant has given a crisis answer in this conversation.
    showHelp(shown) {
      this.state.safetyLine = shown;
      this.helpButton.hidden = !shown;
    }

    // ---------- rendering ----------
    renderAll() {
      this.list.textContent = "";
      var lastBot = -1;
      this.state.messages.forEach(function (m, i) { if (m.from === "user") { lastBot = i; } });
      var self = this;
      this.state.messages.forEach(function (m, i) {
        self.list.appendChild(self.renderMessage(m, i > lastBot));
      });
      this.scrollToEnd();
    }

    renderMessage(message, withButtons) {
      var li = el("li", { "class": "msg " + (message.from === "user" ? "user" : "bot") +
        (message.error ? " error" : "") });
      var bubble = el("div", { "class": "bubble" });
      bubble.appendChild(hiddenText(message.from === "user" ? T.you : T.bot));
      if (message.text) {
        var text = el("span", { "class": "text" });
        if (message.from === "user") {
          text.textContent = message.text;
        } else {
          appendLinkedText(text, message.text);
        }
        bubble.appendChild(text);
      }
      li.appendChild(bubble);
      if (message.custom && message.custom.type === "download" && typeof message.custom.content === "string") {
        var custom = message.custom;
        var dl = el("button", { type: "button", "class": "download" }, T.download + safeFilename(custom.filename));
        dl.addEventListener("click", function () { download(custom); });
        li.appendChild(dl);
      }
      if (withButtons && Array.isArray(message.buttons) && message.buttons.length) {
        var group = el("ul", { "class": "choices", "aria-label": T.choices });
        var self = this;
        message.buttons.forEach(function (b) {
          if (typeof b.title !== "string" || typeof b.payload !== "string") {
            return;
          }
          var item = el("li");
          var button = el("button", { type: "button", "class": "choice" }, b.title);
          button.addEventListener("click", function () { self.send(b.payload, b.title); });
          item.appendChild(button);
          group.appendChild(item);
        });
        li.appendChild(group);
      }
      if (message.retry) {
        var retry = el("button", { type: "button", "class": "retry" }, T.retry);
        retry.addEventListener("click", this.retry.bind(this));
        li.appendChild(retry);
      }
      return li;
    }

    addMessage(message) {
      if (message.from === "user") {
        // quick replies and retry buttons of earlier turns are no longer offered
        this.list.querySelectorAll(".choices, .retry").forEach(function (node) { node.remove(); });
      }
      if (!message.error) {
        this.state.messages.push(message);
        save(this.state);
      }
      this.list.appendChild(this.renderMessage(message, true));
      this.scrollToEnd();
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    announce(text) {
      this.status.textContent = "";
      var status = this.status;
      setTimeout(function () { status.textContent = text; }, 50);
    }

    setBusy(busy) {
      this.busy = busy;
      this.typing.hidden = !busy;
      this.log.setAttribute("aria-busy", busy ? "true" : "false");
      if (busy) {
        this.status.textContent = T.typing;
      } else if (this.status.textContent === T.typing) {
        this.status.textContent = "";
      }
    }

    // ---------- sending ----------
    submitInput() {
      var text = this.input.value;
      if (!text.trim() || this.busy) {
        return;
      }
      if (this.waitIfBlocked()) {
        return;
      }
      this.input.value = "";
      this.send(text, text);
    }

    waitIfBlocked() {
      var left = Math.ceil((this.blockedUntil - Date.now()) / 1000);
      if (left > 0) {
        this.announce(T.wait(left));
        return true;
      }
      return false;
    }

    send(payload, shown) {
      if (this.busy || this.waitIfBlocked()) {
        return;
      }
      this.addMessage({ from: "user", text: shown });
      this.input.focus();
      this.request(payload);
    }

    retry() {
      if (!this.pending || this.busy || this.waitIfBlocked()) {
        return;
      }
      this.list.querySelectorAll(".error").forEach(function (node) { node.remove(); });
      this.input.focus();
      this.request(this.pending.message, this.pending.id);
    }

    // Sends a message. A retry sends the same id, so the gateway can tell whether the assistant already
    // answered it and never answers one message twice.
    request(payload, id) {
      var self = this;
      var retry = Boolean(id);
      this.pending = { message: payload, id: id || newSessionId() };
      this.setBusy(true);
      var session = this.state.session;
      fetch(API_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ session: session, message: payload, id: this.pending.id, retry: retry }),
        credentials: "omit",
        cache: "no-store"
      }).then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          return { response: response, body: body };
        });
      }).then(function (result) {
        self.setBusy(false);
        if (session !== self.state.session) {
          return; // "Nieuw gesprek" was pressed while waiting
        }
        self.handle(result.response, result.body);
      }, function () {
        self.setBusy(false);
        if (session !== self.state.session) {
          return;
        }
        self.fail(null);
      });
    }

    handle(response, body) {
      var message = body && typeof body.message === "string" ? body.message : null;
      if (response.ok && body && Array.isArray(body.messages)) {
        this.pending = null;
        var self = this;
        if (body.notice === "conversation_deleted") {
          // the gateway deleted the conversation: forget the copy in this tab too
          this.state = { session: newSessionId(), messages: [] };
          save(this.state);
          this.showHelp(false);
          this.renderAll();
        }
        body.messages.forEach(function (m) {
          if (!m || typeof m !== "object") {
            return;
          }
          if (m.custom && m.custom.type === "safety_line") {
            if (!self.state.safetyLine) {
              self.showHelp(true);
              save(self.state);
            }
            return;
          }
          self.addMessage({
            from: "bot",
            text: typeof m.text === "string" ? m.text : "",
            buttons: Array.isArray(m.buttons) ? m.buttons : undefined,
            custom: m.custom && m.custom.type === "download" ? m.custom : undefined
          });
        });
        return;
      }
      if (response.status === 429) {
        var seconds = parseInt(response.headers.get("Retry-After") || "", 10);
        if (!(seconds > 0)) {
          seconds = 10;
        }
        this.blockedUntil = Date.now() + seconds * 1000;
        this.addMessage({ from: "bot", error: true, retry: true, text: message || T.wait(seconds) });
        var self2 = this;
        setTimeout(function () { self2.announce(T.ready); }, seconds * 1000);
        return;
      }
      if (response.status === 502 || response.status === 504 || (body && body.retry)) {
        this.fail(message);
        return;
      }
      // 400, 403, 413: nothing to retry; the gateway's message says what to do
      this.pending = null;
      this.addMessage({ from: "bot", error: true, text: message || T.unreadable });
    }

    fail(message) {
      this.addMessage({ from: "bot", error: true, retry: true, text: message || T.failed });
    }
  }

  window.customElements.define("cz-chat", CzChat);

  function mount() {
    if (!document.querySelector("cz-chat")) {
      document.body.appendChild(document.createElement("cz-chat"));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
