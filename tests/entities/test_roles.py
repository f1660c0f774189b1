"""The role phrase kept beside a person's name."""

from linimasa.entities.roles import role_of


def _role(text: str, name: str, code: str) -> str:
    at = text.index(name)
    return role_of(text, at, at + len(name), code)


def test_a_title_holds_an_acronym_in_brackets_and_a_word_that_qualifies_the_post():
    text = ("Hilman diminta keterangannya terkait dengan pelarian Ketua nonaktif Dewan Perwakilan Rakyat (DPR) "
            "Setya Novanto saat akan ditangkap.")
    assert _role(text, "Setya Novanto", "id") == "Ketua nonaktif Dewan Perwakilan Rakyat (DPR)"


def test_a_title_ends_where_the_words_that_qualify_it_end():
    assert _role("Kemarin juru bicara Gedung Putih, John Kirby, mengatakan hal itu.", "John Kirby", "id") == \
        "juru bicara Gedung Putih"
    assert _role("Hilman bertemu dengan Setya Novanto kemarin.", "Setya Novanto", "id") == ""
