"""linimasa.syntax: the words the parsers see."""

from linimasa.syntax import parse


def test_a_news_time_stamp_inside_an_indonesian_clause_is_left_out_of_the_parse():
    text = "Menurut Basaria, pada Sabtu (15/10) pukul 10.30 WIB penyidik KPK mengamankan YTH di Kebumen."
    p = parse([(100, text)], "id")[0]
    words = [t.text for t in p.tokens]
    assert "WIB" not in words and "10.30" not in words and "15" not in words
    subject = [t for t in p.tokens if t.dep == "nsubj"]
    assert [t.text for t in subject] == ["penyidik"]
    kpk = next(t for t in p.tokens if t.text == "KPK")
    assert text[kpk.start - 100:kpk.end - 100] == "KPK"  # offsets are still the document's


def test_english_words_are_all_parsed():
    p = parse([(0, "On Saturday (Oct. 15) at 10.30 police arrested two men.")], "en")[0]
    assert "10.30" in [t.text for t in p.tokens]


def test_a_sentence_of_many_time_stamps_is_cut_like_any_other():
    text = "Polisi menangkap " + " ".join(f"pada Sabtu ({d % 28 + 1}/10) warga" for d in range(20000)) + "."
    p = parse([(0, text)], "id")[0]
    assert 0 < len(p.tokens) <= 150 and not any(t.text == "/" for t in p.tokens)


def test_text_spaced_as_a_tokenizer_wrote_it_parses_as_prose():
    # corpora and wire feeds put a space before commas and after "$"; spaCy's English parser reads spacing, and
    # read "Singer Madonna" as no subject in such text
    spaced = "Singer Madonna , meanwhile , has donated $ 250,000 to Partners In Health ."
    prose = "Singer Madonna, meanwhile, has donated $250,000 to Partners In Health."
    for text in (spaced, prose):
        p = parse([(0, text)], "en")[0]
        assert [t.text for t in p.tokens if t.dep == "nsubj"] == ["Madonna"], text
    p = parse([(7, spaced)], "en")[0]
    comma = p.tokens[2]
    assert (comma.text, spaced[comma.start - 7:comma.end - 7]) == (",", ",")  # offsets stay the text's


def test_a_donor_named_in_tokenizer_spaced_text_is_the_actor():
    from tests.events.test_arguments import mentions

    m = mentions("Singer Madonna , meanwhile , has donated $ 250,000 to Partners In Health .", "AID")[0]
    assert m.actors == ["Madonna"]
