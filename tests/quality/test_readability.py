from quality.readability import answer_body, measure, problems, sentences, syllables


def test_dutch_syllables():
    assert syllables("kliniek") == 2
    assert syllables("cliënt") == 2          # the diaeresis starts a new syllable
    assert syllables("geïnformeerd") == 4
    assert syllables("zwijgcontract") == 3   # "ij" is one vowel
    assert syllables("klachtenfunctionaris") == 6
    assert syllables("uit") == 1


def test_sentences_split_on_stops_and_lines_and_ignore_links():
    text = "Ja. Dat mag.\n- een punt\nZie https://wetten.overheid.nl/BWBR0037173 voor meer."
    assert sentences(text) == ["Ja.", "Dat mag.", "een punt", "Zie   voor meer."]


def test_plain_text_passes_and_officialese_fails():
    plain = "Nee. Die afspraak geldt niet. Je mag dus een review schrijven. De kliniek kan je dat niet verbieden."
    assert problems(plain) == []
    heavy = ("Onverminderd het bepaalde in het voorgaande lid draagt de zorgaanbieder zorg voor een zodanige "
             "toedeling van verantwoordelijkheden, bevoegdheden alsmede afstemmings- en verantwoordingsplichten, "
             "dat een en ander redelijkerwijs moet leiden tot het verlenen van goede zorg.")
    found = problems(heavy)
    assert any("longest sentence" in p for p in found)
    assert any("Flesch-Douma" in p for p in found)


def test_flesch_douma_falls_with_long_words():
    short = measure("De kat zit op de mat. Het is een mooie dag.")
    long = measure("Klachtenfunctionarissen ondersteunen geschilleninstanties uitvoeriger.")
    assert short.flesch_douma > 80 > long.flesch_douma


def test_answer_body_leaves_out_the_source():
    text = "Ja, dat mag.\n\nBron: Wkkgz, artikel 17 · https://wetten.overheid.nl/BWBR0037173"
    assert answer_body(text) == "Ja, dat mag."
