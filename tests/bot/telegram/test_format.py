"""bot.telegram.format: HTML escaping with links, splitting under Telegram's limit, rendering Rasa's answer."""
import pytest

from bot.telegram.format import BUTTONS_ONLY, render, split_text, text_parts, to_html, utf16_len

from .fake_telegram import links, visible


def test_escapes_markup():
    html = to_html('a <b>vet</b> & "quote" <script>')
    assert html == 'a &lt;b&gt;vet&lt;/b&gt; &amp; "quote" &lt;script&gt;'
    assert visible(html) == 'a <b>vet</b> & "quote" <script>'


@pytest.mark.parametrize("text, url", [
    ("Bron: Wkkgz · https://wetten.overheid.nl/BWBR0037173", "https://wetten.overheid.nl/BWBR0037173"),
    ("Bron: A · https://a.nl/x; B · https://b.nl", "https://a.nl/x"),
    ("Kijk op https://www.113.nl.", "https://www.113.nl"),
    ("(zie https://example.nl/p?a=1&b=2)", "https://example.nl/p?a=1&b=2"),
    ("zie http://example.nl/x", "http://example.nl/x"),
])
def test_addresses_become_links_without_the_punctuation_after_them(text, url):
    html = to_html(text)
    assert links(html)[0] == (url, url)
    assert visible(html) == text


def test_every_source_of_a_bron_line_is_a_link():
    line = ("Bron: Wkkgz, artikel 11.0a lid 2 · https://wetten.overheid.nl/BWBR0037173; Eerste Kamer, wetsvoorstel "
            "35 771 · https://eerstekamer.nl/wetsvoorstel/35771_zwijgbedingen_in_jeugdzorg")
    assert [href for href, _ in links(to_html(line))] == [
        "https://wetten.overheid.nl/BWBR0037173", "https://eerstekamer.nl/wetsvoorstel/35771_zwijgbedingen_in_jeugdzorg"]


def test_a_quote_cannot_leave_the_href():
    html = to_html('https://x.nl/"onclick=alert(1)')
    assert links(html) == [("https://x.nl/", "https://x.nl/")]
    assert visible(html) == 'https://x.nl/"onclick=alert(1)'
    assert to_html('https://x.nl/a?q=<b>').count("<") == 2  # only the <a> and </a> tags


def test_short_text_is_one_part():
    assert split_text("  Hallo.  ") == ["Hallo."]
    assert split_text("") == [] and split_text(" \n ") == []


def test_split_prefers_a_paragraph_then_a_sentence():
    text = "Eerste zin. Tweede zin.\n\nDerde zin is hier."
    assert split_text(text, 30) == ["Eerste zin. Tweede zin.", "Derde zin is hier."]
    assert split_text("Een zin hier. En nog een zin die langer is.", 25) == ["Een zin hier.", "En nog een zin die langer", "is."]
    assert split_text("En nog een zin die langer is.", 18) == ["En nog een zin die", "langer is."]


def test_split_keeps_every_word_and_respects_the_limit():
    sentence = "Dit is zin nummer {} van een lang antwoord over klagen? "
    text = "".join(sentence.format(i) for i in range(300))
    parts = split_text(text, 500)
    assert all(utf16_len(p) <= 500 for p in parts)
    assert all(p.endswith("?") for p in parts)
    assert " ".join(parts).split() == text.split()


def test_a_word_longer_than_the_limit_is_cut():
    assert split_text("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]


def test_the_limit_counts_utf16_like_telegram():
    text = "😀" * 10  # each emoji is two UTF-16 code units
    parts = split_text(text, 8)
    assert parts == ["😀" * 4, "😀" * 4, "😀" * 2]


def test_a_link_is_never_cut():
    url = "https://wetten.overheid.nl/BWBR0037173"
    text = ("woord " * 10) + url + (" woord" * 10)
    for part in split_text(text, 70):
        assert url in part or "https" not in part


def test_render_buttons_under_the_last_part_and_the_download_as_a_document():
    messages = [{"text": "Eerste.\n\nTweede.", "buttons": [{"title": "Ja", "payload": "/affirm"}]},
                {"text": "Je brief.", "custom": {"type": "download", "filename": "brief.txt",
                                                         "mime_type": "text/plain", "content": "Geachte €"}},
                {"buttons": [{"title": "Verder", "payload": "/capabilities"}]}]
    parts = render(messages, lambda payload: "enc:" + payload, limit=10)
    assert [visible(p.html) for p in parts if not p.is_document] == ["Eerste.", "Tweede.", "Je brief.",
                                                                     BUTTONS_ONLY]
    assert parts[0].keyboard is None
    assert parts[1].keyboard.inline_keyboard[0][0].callback_data == "enc:/affirm"
    doc = parts[3]
    assert doc.is_document and doc.filename == "brief.txt" and doc.content == "Geachte €".encode()
    assert parts[4].keyboard.inline_keyboard[0][0].text == "Verder"


def test_one_button_a_row():
    (part,) = text_parts("Kies.", [("A", "a"), ("B", "b")])
    assert [[b.text for b in row] for row in part.keyboard.inline_keyboard] == [["A"], ["B"]]
