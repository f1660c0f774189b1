"""The publication date inferred from a text's own days (linimasa.temporal.infer)."""

from linimasa.stages.sentences import split
from linimasa.temporal.infer import infer_published


def inferred(text: str, code: str = "id") -> str | None:
    found = infer_published(text, split(text, code), code)
    return found.date if found else None


def test_a_lede_weekday_with_day_and_month_takes_the_year_the_text_states():
    text = ("Penyanyi Katy Perry merilis lagu terbarunya pada Jumat (10/2). Lagu itu masuk album tahun 2017. "
            "Video klipnya diunggah hari Sabtu.")
    assert inferred(text) == "2017-02-10"  # 10 February 2017 was a Friday


def test_a_weekday_that_does_not_fit_the_stated_year_gives_no_date():
    # 16 June 1996 was a Sunday: 1996 is the singer's background, not the year of "Jumat (16/6)"
    text = "Lorde merilis album baru pada Jumat (16/6). Penyanyi itu lahir pada 1996 di Auckland."
    assert inferred(text) is None


def test_a_lone_background_date_deep_in_the_text_gives_no_date():
    text = ("PDI Perjuangan menggelar pertunjukan wayang kulit di Lenteng Agung. "
            "Pertunjukan itu memperingati kerusuhan 27 Juli 1996 di kantor partai.")
    assert inferred(text) is None


def test_a_full_date_in_the_opening_dateline_dates_the_report():
    text = "GENEVA, April 28, 2009 - Health experts met to discuss the flu. They will meet again next week."
    assert inferred(text, "en") == "2009-04-28"


def test_indonesian_days_named_without_a_weekday_are_background_even_when_a_weekday_fits():
    # Indonesian news names the day it reports by its weekday; "30 Maret 2017" without one is a commemoration,
    # though "hari Kamis" could be read onto it (30 March 2017 was a Thursday)
    text = ("Bandara menayangkan film nasional bagi penumpang. Hari Film Nasional jatuh pada 30 Maret 2017. "
            "Acara dibuka hari Kamis oleh direktur bandara.")
    assert inferred(text) is None
    english = ("The airport showed national films to passengers. National Film Day fell on March 30, 2017. "
               "The event was opened on Thursday by the airport director and closed on Thursday night.")
    assert inferred(english, "en") == "2017-03-30"


def test_indonesian_days_named_by_weekday_come_on_or_before_publication():
    # the lede's Sunday is past ("kemarin"); the press conference's Tuesday, named by weekday, is reported too
    text = ("Pesawat AirAsia QZ8501 yang hilang pada Minggu (28/12/2014) kemarin telah ditemukan. "
            "Hal itu disampaikan Kepala Basarnas di Kantor Basarnas, Jakarta, Selasa (30/12/2014).")
    assert inferred(text) == "2014-12-30"


def test_today_named_with_its_day_is_the_publication_day():
    text = ("Hari pertama Bali Blues Festival 2017 digelar Jumat (26 / 5) di Pulau Peninsula. "
            "Festival ini masih akan menyuguhkan musisi blues lainnya hari ini, Sabtu (27 / 5) mulai pukul 17.00 WIB.")
    assert inferred(text) == "2017-05-27"


def test_one_weekday_that_falls_on_a_background_date_by_chance_is_not_enough():
    # 29 August 1958 was a Friday: one "Friday" agreeing with a birth date dates nothing
    text = ("Tributes to the singer poured in from around the world. He was born on August 29, 1958 in Gary, Indiana. "
            "Fans gathered outside the hospital on Friday.")
    assert inferred(text, "en") is None
