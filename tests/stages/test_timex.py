"""Time expressions on the seeds gold and on the cases the issue names (the "minggu" trap, tense direction)."""

from __future__ import annotations

from datetime import date

import pytest

from linimasa.stages.timex import tag_text
from tests.conftest import GOLD, seed_path
from linimasa.stages.clean import clean_lines

GOLD_ITEMS = [
    (doc_id, item)
    for doc_id, doc in sorted(GOLD["docs"].items())
    for item in doc["timex"]
    if not item.get("hard") and item["text"] != "Wednesday, 8 December 2021"  # a header line, not body text
]


def _body(doc_id: str) -> str:
    return "\n\n".join(clean_lines(seed_path(doc_id).read_text(encoding="utf-8").split("\n"))[1])


@pytest.mark.parametrize(("doc_id", "item"), GOLD_ITEMS, ids=[f"{d[:3]}-{i['text']}" for d, i in GOLD_ITEMS])
def test_seed_gold_value(doc_id, item):
    text = _body(doc_id)
    anchor = date.fromisoformat(GOLD["docs"][doc_id]["published"]["date"])
    at = text.find(item["context"]) if item.get("context") else 0
    start = text.lower().find(item["text"].lower(), max(at, 0))
    found = [t for t in tag_text(text, "id", anchor) if t.span.start <= start < t.span.end]
    assert found, f"{item['text']!r} not found"
    assert (found[0].value, found[0].mod) == (item["value"], item.get("mod", ""))


@pytest.mark.parametrize(
    ("code", "text", "anchor", "expected"),
    [
        # "minggu" is a week in lower case, Sunday when capitalised or after "hari"
        ("id", "Mereka bertemu minggu lalu.", "2022-02-21", [("minggu lalu", "DATE", "2022-W07")]),
        ("id", "Mereka bertemu pada hari Minggu.", "2022-02-21", [("hari Minggu", "DATE", "2022-02-20")]),
        ("id", "Perundingan berlangsung dua minggu.", "2022-02-21", [("dua minggu", "DURATION", "P2W")]),
        # direction from tense cues
        ("id", "Biden akan menelepon Putin pada hari Kamis.", "2021-12-29", [("hari Kamis", "DATE", "2021-12-30")]),
        ("id", "Biden telah menelepon Putin pada hari Kamis.", "2021-12-29", [("hari Kamis", "DATE", "2021-12-23")]),
        ("en", "Putin met Biden on Friday.", "1998-08-10", [("Friday", "DATE", "1998-08-07")]),
        ("en", "Putin will meet Biden on Friday.", "1998-08-10", [("Friday", "DATE", "1998-08-14")]),
        # parts, relatives, durations, refs
        ("id", "Dia bertemu Putin awal bulan ini.", "2022-02-21", [("awal bulan ini", "DATE", "2022-02")]),
        ("id", "Setahun kemudian dia kembali.", "2022-02-21", [("Setahun kemudian", "DATE", "2023")]),
        ("id", "Sekarang harga minyak turun.", "2014-12-01", [("Sekarang", "DATE", "PRESENT_REF")]),
        ("id", "Pesawat hilang Minggu (28/12/2014) pukul 07.24 WIB.", "2014-12-29",
         [("Minggu (28/12/2014) pukul 07.24 WIB", "TIME", "2014-12-28T07:24")]),
        ("en", "Talks are planned for next week.", "2021-12-08", [("next week", "DATE", "2021-W50")]),
        ("en", "It happened three days ago.", "2021-12-08", [("three days ago", "DATE", "2021-12-05")]),
        # fractions go to the next smaller unit; prayer times are parts of the day
        ("id", "Perjalanan setengah hari penuh.", "2014-12-31", [("setengah hari", "DURATION", "PT12H")]),
        ("id", "Antrean berlangsung 2,5 jam.", "2014-12-31", [("2,5 jam", "DURATION", "PT2H30M")]),
        ("en", "They lived in camps for 2 1/2 years.", "1998-02-27", [("2 1/2 years", "DURATION", "P2Y6M")]),
        ("en", "But a minute and a half later, a pilot called.", "1998-01-14",
         [("a minute and a half", "DURATION", "PT1M30S")]),
        ("en", "In the last twenty four hours, stocks fell.", "1998-01-08", [("the last twenty four hours", "DURATION", "PT24H")]),
        ("id", "Ia ditahan dua puluh tiga hari.", "2014-12-31", [("dua puluh tiga hari", "DURATION", "P23D")]),
        ("en", "The fleet stays at least 20 more years.", "1998-02-27", [("20 more years", "DURATION", "P20Y")]),
        ("en", "Losses came after several quarters.", "1989-10-30", [("several quarters", "DURATION", "PXQ")]),
        # TimeML: "N units later/after" is a duration; the day it reaches dates what follows
        ("en", "He was shot on Oct. 23, 1998. Three days later, police came.", "1999-10-24",
         [("Oct. 23, 1998", "DATE", "1998-10-23"), ("Three days", "DURATION", "P3D")]),
        ("en", "One year after he was killed, they met.", "1999-10-24", [("One year", "DURATION", "P1Y")]),
        # a weekday before a month and day; "last" before a month and day; the year of a report
        ("en", "The Times said in an editorial on Monday, Oct. 26: enough.", "1998-10-25",
         [("Monday, Oct. 26", "DATE", "1998-10-26")]),
        ("en", "He was shot to death last Oct. 23 at his home.", "1999-04-19", [("last Oct. 23", "DATE", "1998-10-23")]),
        ("en", "For the year, sales rose.", "1989-10-26", [("the year", "DATE", "1989")]),
        # seasons after this/last/next ("fall" alone is a verb), centuries by ordinal, ages are no durations
        ("en", "He was killed last fall.", "1999-04-10", [("last fall", "DATE", "1998-FA")]),
        ("en", "Prices fall in spring.", "1999-04-10", [("spring", "DATE", "1999-SP")]),
        ("en", "It is an 11th century temple.", "1998-02-19", [("11th century", "DATE", "10")]),
        ("id", "Candi itu dibangun pada abad ke-9.", "2014-12-31", [("abad ke-9", "DATE", "08")]),
        ("fr", "Au XXe siècle, la ville a grandi.", "2014-12-31", [("XXe siècle", "DATE", "19")]),
        ("en", "Mr. Reupke, 52 years old, resigned.", "1989-11-02", []),
        # holidays: their day in the year the sentence points to, lunar ones from the calendar of that year
        ("en", "Elian was found Thanksgiving Day clinging to an inner tube.", "2000-04-03",
         [("Thanksgiving Day", "DATE", "1999-11-25")]),
        ("en", "He came back last Christmas.", "2000-04-03", [("last Christmas", "DATE", "1999-12-25")]),
        ("id", "Jokowi akan mudik saat Lebaran.", "2022-04-20", [("Lebaran", "DATE", "2022-05-02")]),
        ("id", "Idul Fitri tahun lalu sepi.", "2022-04-20", [("Idul Fitri tahun lalu", "DATE", "2021-05-13")]),
        # years in words (broadcast transcripts), a season of a year
        ("en", "January nineteen ninety-seven. Atlanta again.", "1998-02-27",
         [("January nineteen ninety-seven", "DATE", "1997-01")]),
        ("en", "Oil was cheap in the winter of nineteen ninety-four.", "1998-02-23",
         [("winter of nineteen ninety-four", "DATE", "1994-WI")]),
        ("en", "He promised it by the year two thousand.", "1998-02-05", [("the year two thousand", "DATE", "2000")]),
        ("en", "It cost two thousand dollars.", "1998-02-05", []),
        # the unit of the date just named, or the one after it; decades by name and part
        ("en", "He came in June 1998 and returned later that year.", "2000-01-28",
         [("June 1998", "DATE", "1998-06"), ("that year", "DATE", "1998")]),
        ("en", "He became general in 1995, and the following year attache.", "1998-04-18",
         [("1995", "DATE", "1995"), ("the following year", "DATE", "1996")]),
        ("id", "Sejak tahun 2005, di tahun tersebut 916 orang tewas.", "2014-12-29",
         [("tahun 2005", "DATE", "2005"), ("tahun tersebut", "DATE", "2005")]),
        ("en", "Numbers dropped through the nineties.", "1998-03-03", [("the nineties", "DATE", "199")]),
        ("en", "A 50% share by the mid-1990s.", "1989-10-26", [("mid-1990s", "DATE", "199")]),
        # a counted span before or after now is one duration
        ("en", "Prices fell in the past two months.", "1998-03-03", [("the past two months", "DURATION", "P2M")]),
        ("en", "Rates will fall in the coming years.", "1998-03-03", [("the coming years", "DURATION", "PXY")]),
        # a comparison with the quarter a year before does not move the story's quarter
        ("en", "Net rose in the third quarter from $5 a year earlier. Sales rose from $7 a year earlier.", "1989-10-26",
         [("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3"),
          ("a year earlier", "DATE", "1988-Q3")]),
        ("en", "Net rose for the year ended June 30.", "1989-10-26", [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "1989-06-30")]),
        ("id", "Kapal berangkat pada Minggu selepas ashar.", "2014-12-31",
         [("Minggu selepas ashar", "TIME", "2014-12-28TAF")]),
        # a cue gives way when the other reading is much nearer; "this"/"last" before a month
        ("en", "The INS told the relatives he must be returned by Jan. 14.", "2000-01-06",
         [("Jan. 14", "DATE", "2000-01-14")]),
        ("en", "Sales will rise this September.", "1998-02-05", [("this September", "DATE", "1998-09")]),
        # earnings reports: the quarter just ended and the one a year before
        ("en", "Profit rose in the latest quarter from the year-ago period.", "1989-10-26",
         [("the latest quarter", "DATE", "1989-Q3"), ("the year-ago period", "DATE", "1988-Q3")]),
        ("en", "The deal runs two decades.", "1998-02-06", [("two decades", "DURATION", "P20Y")]),
        # a clock time joins the day it is on
        ("en", "The offer expires at 5 p.m. EST, Nov. 6.", "1989-10-30", [("5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00")]),
        ("en", "Talks broke off at noon Thursday.", "1998-02-13", [("noon Thursday", "TIME", "1998-02-12T12:00")]),
        ("en", "Most now hold cash.", "1989-10-27", [("now", "DATE", "PRESENT_REF")]),
        ("en", "Results are due in mid-November.", "1989-10-27", [("mid-November", "DATE", "1989-11")]),
        ("en", "Protesters gathered last weekend.", "1989-10-30", [("last weekend", "DATE", "1989-W43-WE")]),
        ("en", "Talks resume this weekend.", "1989-10-30", [("this weekend", "DATE", "1989-W44-WE")]),
        # a tense cue after a comma is another clause's: the visit is due, whatever "said" says
        ("en", "The envoy, who is due to visit the capital on Sunday, said talks were under way.", "2010-01-16",
         [("Sunday", "DATE", "2010-01-17")]),
        ("en", "A quarter of the shares were sold.", "1989-10-27", []),  # a fraction, not three months
        # a full date whose comma stands apart (text tokenised with spaces) is one date
        ("en", "Victims of the Sept. 11 , 2001 attacks were paid.", "2010-07-24", [("Sept. 11 , 2001", "DATE", "2001-09-11")]),
        # a month's short form without a full stop, inside a full date; alone it is a name
        ("en", "Experts met on Apr 28, 2009 in Geneva.", "2009-05-01", [("Apr 28, 2009", "DATE", "2009-04-28")]),
        ("en", "Experts met on 28 Apr 2009 in Geneva.", "2009-05-01", [("28 Apr 2009", "DATE", "2009-04-28")]),
        ("en", "Jan Egeland met the minister.", "2009-05-01", []),
        # a weekday with its day and month in digits is one day, the year the one where that day is that weekday
        ("id", "Katy Perry merilis lagu itu pada Jumat (10/2) malam.", "2017-02-12", [("Jumat (10/2) malam", "DATE", "2017-02-10")]),
        ("id", "Gempa terjadi Kamis (8 / 2).", "2018-02-09", [("Kamis (8 / 2)", "DATE", "2018-02-08")]),
        # a law's number and year are no time ("UU Nomor 7 Tahun 2014": law 7 of 2014)
        ("id", "Pelaku dijerat Pasal 106 UU Nomor 7 Tahun 2014 tentang Perdagangan selama 5 tahun.", "2017-05-17",
         [("5 tahun", "DURATION", "P5Y")]),
        # a mistyped weekday (11 February 2018 was a Sunday) does not move the day a year away
        ("id", "Gempa terjadi Jumat (11/2) pagi.", "2018-02-12", [("Jumat (11/2) pagi", "DATE", "2018-02-11")]),
        # a date with its parts apart (text tokenised with spaces) is one date
        ("id", "Ekspor dilepas Senin (13 / 3 / 2017).", "2017-03-15", [("Senin (13 / 3 / 2017)", "DATE", "2017-03-13")]),
        # "terlebih dahulu" is "first", not a time
        ("id", "Pilot sudah terlebih dulu memegang rencana penerbangan.", "2014-12-29", []),
    ],
)
def test_expression(code, text, anchor, expected):
    found = [(t.span.text, t.type, t.value) for t in tag_text(text, code, date.fromisoformat(anchor))]
    assert found == expected


def test_a_duration_counted_from_a_date_keeps_the_day_it_reaches():
    found = tag_text("He was shot on Oct. 23, 1998. Three days later, police came.", "en", date(1999, 10, 24))
    assert (found[1].value, found[1].point, found[1].calendar()) == ("P3D", "1998-10-26", "1998-10-26")
    after = tag_text("One year after he was killed, they met.", "en", date(1999, 10, 24))
    assert after[0].point == ""  # counted from an event, not from a date the text gave


def test_without_an_anchor_relative_values_stay_open():
    found = tag_text("Biden bertemu Putin pada Juni dan berbicara hari Kamis.", "id", None)
    assert [t.value for t in found] == ["XXXX-06", "XXXX-WXX-4"]


@pytest.mark.parametrize(("code", "text", "months"), [
    # a month name after a name word is a surname, and so is the same word alone in the text
    ("en", "Trump warned Prime Minister Theresa May on Twitter after May criticised him.", []),
    ("id", "Donald Trump memperingatkan Perdana Menteri Theresa May setelah May mengecamnya.", []),
    ("en", "Queen guitarist Brian May said he would play in Hyde Park.", []),
    # a month after a word of time, a preposition or a number is a month
    ("en", "The talks ended in May. In May, the ministers met again.", ["May", "May"]),
    ("en", "Last May the two leaders met.", ["Last May"]),
    ("id", "Kremlin membuka tatap muka Putin-Biden di G20 November di Bali.", ["November"]),
])
def test_a_month_name_after_a_name_is_a_surname(code, text, months):
    assert [t.span.text for t in tag_text(text, code, date(2017, 12, 1))] == months


def test_a_tense_cue_after_a_spaced_dash_is_another_headlines():
    # "7 hrs ago" belongs to the next headline the page ran together with this one: March is still ahead
    found = tag_text("Haiti seeks years of aid ; donors to meet in March - 7 hrs ago IAfrica.com", "en",
                     date(2010, 1, 26))
    assert [t.value for t in found if t.span.text == "March"] == ["2010-03"]
