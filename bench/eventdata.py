"""The event test bed's articles and sentences, read from ../shared/eval-data at bench time (never copied here).

Article keys: `t17/<folder>/<id>` (Timeline17, English), `indosum/<id>` (IndoSum, Indonesian; tokenised
paragraphs joined back into text as bench/scale.py does), `kompas/<file stem>` (IndoTimex Kompas, Indonesian) and
`nerui/<n>`, `nerugm/<n>` (the n-th news sentence of NER-UI / NER-UGM, Indonesian: one sentence each, undated).
Sentences are linimasa's own sentence spans over that text; an annotation stores the article key, the sentence's
character offsets and the labels, and `sentence_text` reads the text back (checking the stored hash).

    python bench/eventdata.py sample --out /tmp/batch   # draw the sentences (done once, before any tuning)
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))
from timex import parse_tml  # noqa: E402  (Kompas files: cp1252 and bare '&')
from linimasa.entities.conll import read_conll  # noqa: E402
BED = ROOT / "bench" / "events" / "annotations"
SEED = 14  # the draw's random seed: the number, fixed before any annotation
# Sentences shorter than this say no event worth annotating ("Baca juga:"), longer ones are tables run together.
MIN_WORDS, MAX_WORDS = 5, 70
# Two sentences per article spread the bed over many articles, stories and writers.
PER_ARTICLE = 2
# Half the articles go to test: chosen by a hash of the article key, before any annotation or tuning.
TEST_SHARE = 0.5


def timebank_documents(shared: Path = SHARED):
    """TBAQ-cleaned as (path, Document with its DCT as publication date, [(start, end, MAKEINSTANCE attributes)] of
    every instanced EVENT), for the TimeBank figures of bench/events.py and the training of train/events.py."""
    from datetime import date
    from xml.etree import ElementTree

    from linimasa.model import Document, Published

    for path in sorted((shared / "eval-data" / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        root = ElementTree.parse(path).getroot()
        text_el = root.find("TEXT")
        instances = {i.get("eventID"): i.attrib for i in root.iter("MAKEINSTANCE")}
        text, events = "", []
        for piece in text_el.iter():
            if piece is text_el:
                text += piece.text or ""
                continue
            begin = len(text)
            text += piece.text or ""
            if piece.tag == "EVENT" and piece.get("eid") in instances:
                events.append((begin, len(text), instances[piece.get("eid")]))
            text += piece.tail or ""
        dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), "")
        doc = Document(id=path.stem, source=str(path), media_type="text/plain", content_sha256="", text=text, lang="en")
        if (dct or "")[:10].count("-") == 2:
            doc.published = Published(date.fromisoformat(dct[:10]).isoformat(), "field", 1.0)
        yield path, doc, events


def timeml_status(instance: dict) -> str:
    """linimasa's status for a TimeML MAKEINSTANCE: polarity NEG -> negated; will/shall or FUTURE -> planned;
    another modal -> hypothetical; else happened (TimeML marks no conditional or proposed)."""
    modality = (instance.get("modality") or "").lower()
    if instance.get("polarity") == "NEG":
        return "negated"
    if modality in ("will", "shall", "'ll") or instance.get("tense") == "FUTURE":
        return "planned"
    if modality:
        return "hypothetical"
    return "happened"


def on_date(value: str, gold: str) -> bool:
    """Whether a system date agrees with a gold date at the gold's granularity (an ISO week included)."""
    from datetime import date

    if not value:
        return False
    if "W" in gold:
        try:
            y, m, d = (int(x) for x in value[:10].split("-"))
            iso = date(y, m, d).isocalendar()
        except ValueError:
            return value.startswith(gold)
        return f"{iso[0]}-W{iso[1]:02d}" == gold
    return value[:len(gold)] == gold and len(value) >= len(gold)


def split_of(key: str) -> str:
    """'dev' or 'test' for an article key, fixed by its hash (the split is by article, never by sentence)."""
    h = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if h < TEST_SHARE else "dev"


def indosum_text(paragraphs: list[list[list[str]]]) -> str:
    """IndoSum keeps tokenised paragraphs; joined back into text as a user would have it (the benches share this)."""
    import re

    out = []
    for paragraph in paragraphs:
        sentences = [re.sub(r"\s+([.,;:!?)\]%])", r"\1", re.sub(r"([(\[])\s+", r"\1", " ".join(s))) for s in paragraph]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def detokenise(tokens: list[str]) -> str:
    """A CoNLL sentence's tokens joined back into text as news prints it: punctuation and brackets as IndoSum's
    (`indosum_text`); a quote after , . ! or ? closes (glued to the word before), any other opens (glued to the word
    after; a sentence may start inside a quote); "partai - partai" -> "partai-partai", "$ 19" -> "$19"."""
    import re

    words = [('\x00"' if i and tokens[i - 1] in CLOSING_BEFORE else '"\x00') if token == '"' else token
             for i, token in enumerate(tokens)]  # \x00 marks the side the quote is glued to
    text = indosum_text([[words]])
    text = re.sub(r'"\x00 ?', '"', re.sub(r' ?\x00"', '"', text))
    return re.sub(r"(?<=\w) - (?=\w)", "-", re.sub(r"([$]) (?=\d)", r"\1", text))


CLOSING_BEFORE = {",", ".", "!", "?"}  # Indonesian news closes a quote after the quote's last punctuation mark


@functools.cache
def articles(shared: Path = SHARED) -> dict[str, dict]:
    """Article key -> {"text", "date", "lang"} for every article the bed may draw from."""
    eval_data = shared / "eval-data"
    out: dict[str, dict] = {}
    for path in sorted((eval_data / "timeline17").glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                out[f"t17/{path.parent.name}/{a['id']}"] = {"text": a["text"], "date": a["date"], "lang": "en"}
    dates = {}
    with open(eval_data / "indosum" / "derived_dates.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            dates[row["id"]] = (row.get("url_date") or row.get("id_prefix_unix_utc") or "")[:10]
    with gzip.open(eval_data / "indosum" / "indosum_dev_folds1-5.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            key = f"indosum/{a['id']}"
            if key not in out:
                out[key] = {"text": indosum_text(a["paragraphs"]), "date": dates.get(a["id"], ""), "lang": "id"}
    for name in SENTENCE_FILES:  # single news sentences, no article, no date (draws 38-40, the test sentences)
        for n, (tokens, _) in enumerate(read_conll(eval_data / "indonesian-ner" / name / f"{name}_all.tsv"), 1):
            out[f"{name}/{n:04d}"] = {"text": detokenise(tokens), "date": "", "lang": "id"}
    for folder in ("kompas_test", "kompas_development"):
        for path in sorted((eval_data / "indotimex-kompas" / folder).glob("*.tml")):
            root = parse_tml(path)
            y, m, d = root.find("DCT/TIMEX3").get("value")[:10].split("T")[0].split("-")
            out[f"kompas/{path.stem}"] = {"text": "".join(root.find("TEXT").itertext()),
                                          "date": f"{int(y):04d}-{int(m):02d}-{int(d):02d}", "lang": "id"}
    return out


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def sentence_text(item: dict, shared: Path = SHARED) -> str:
    """The text of an annotated sentence, read from ../shared; fails loudly if the article changed."""
    text = articles(shared)[item["doc"]]["text"][item["start"]:item["end"]]
    if text_hash(text) != item["sha"]:
        raise ValueError(f"{item['id']}: the text of {item['doc']} [{item['start']}:{item['end']}] changed; re-draw")
    return text


# What the clean stage folds into one space or drops: runs of white space, no-break and zero-width spaces.
_GAP = "[\\s\u200b\u200c\u200d\ufeff]"


class Located:
    """Where an annotated sentence stands in a cleaned document: [start, end), and each offset of the sentence
    (relative to its start) mapped into the document, across the white space the clean stage folded."""

    def __init__(self, match, chunks: list[tuple[int, int]]):
        self.start, self.end, self._match, self._chunks = match.start(), match.end(), match, chunks

    def to_doc(self, offset: int) -> int:
        """The document offset of sentence offset `offset` (one in folded white space: the next word's start)."""
        for k, (a, b) in enumerate(self._chunks, 1):
            if offset <= b:
                return self._match.start(k) + max(0, offset - a)
        return self.end


def locate(doc_text: str, sentence: str) -> Located | None:
    """Where `sentence` (as ../shared has it) stands in `doc_text` (what `linimasa run` stored after cleaning), or
    None: white space runs, no-break and zero-width spaces may differ (2 % of the bed's sentences hold them)."""
    import re

    chunks = [(m.start(), m.end()) for m in re.finditer(f"(?:(?!{_GAP}).)+", sentence, re.S)]
    if not chunks:
        return None
    pattern = f"{_GAP}*".join(f"({re.escape(sentence[a:b])})" for a, b in chunks)
    m = re.search(pattern, doc_text)
    return Located(m, chunks) if m else None


def _sentences(text: str, code: str) -> list[tuple[int, int]]:
    from linimasa.model import Document
    from linimasa.pipeline import registered_stages
    from linimasa.settings import Context

    doc = Document(id="x", source="x", media_type="text/plain", content_sha256="", text=text, lang=code)
    doc = registered_stages()["sentences"].fn(doc, Context.create())
    return [(s.span.start, s.span.end) for s in doc.sentences]


LANGUAGE_SOURCES = (("en", ("t17/",)), ("id", ("indosum/", "kompas/")))
# Draws 38-40 (session 28) come from single Indonesian news sentences: after draw 31 no sentence of a dated
# IndoSum/Kompas dev article with a trigger candidate was left undrawn. NER-UI and NER-UGM are news sentences that no
# linimasa model learned from (the Indonesian NER model was trained on NERGrit and NERP); they carry no date, so their
# mentions are judged on type, actors, targets and status, and on a date only where the sentence names one.
SENTENCE_FILES = ("nerui", "nerugm")
SENTENCE_POOL_FROM, SENTENCE_POOL_TO = 38, 40
SENTENCE_SOURCES = (("id", tuple(f"{name}/" for name in SENTENCE_FILES)),)


def _draw(rng: random.Random, keys: list[str], code: str, per_lang: int, prefix: str, keep, shared: Path) -> list[dict]:
    """Up to `per_lang` sentences of language `code`: the articles `keys` in a random order, PER_ARTICLE sentences
    of each among those `keep(key, text, start, end)` accepts."""
    pool = articles(shared)
    rng.shuffle(keys)
    drawn: list[dict] = []
    for key in keys:
        if len(drawn) >= per_lang:
            break
        text = pool[key]["text"]
        spans = [(s, e) for s, e in _sentences(text, code) if MIN_WORDS <= len(text[s:e].split()) <= MAX_WORDS
                 and keep(key, text, s, e)]
        for s, e in sorted(rng.sample(spans, min(PER_ARTICLE, len(spans)))):
            drawn.append({"id": f"{prefix}{code}-{len(drawn) + 1:04d}", "lang": code, "doc": key, "split": split_of(key),
                          "start": s, "end": e, "sha": text_hash(text[s:e]), "published": pool[key]["date"]})
    return drawn[:per_lang]


def sample(per_lang: int, shared: Path = SHARED) -> list[dict]:
    """Draw `per_lang` sentences per language at random: articles first, then PER_ARTICLE sentences of each."""
    rng = random.Random(SEED)
    pool = articles(shared)
    return [item for code, prefixes in LANGUAGE_SOURCES for item in _draw(
        rng, sorted(k for k in pool if k.startswith(prefixes) and pool[k]["date"]), code, per_lang, "",
        lambda *_: True, shared)]


# training draws 1 (session 7), 2 (session 9), 3 and 4 (session 18), 5 and 6 (session 19), 7 (session 21)
TRAIN_FILES = ("train_sentences.jsonl", "train_sentences2.jsonl", "train_sentences3.jsonl", "train_sentences4.jsonl",
               "train_sentences5.jsonl", "train_sentences6.jsonl", "train_sentences7.jsonl",
               "train_sentences8.jsonl", "train_sentences9.jsonl",
               "train_sentences10.jsonl", "train_sentences11.jsonl", "train_sentences12.jsonl",
               "train_sentences13.jsonl", "train_sentences14.jsonl",
               "train_sentences15.jsonl", "train_sentences16.jsonl", "train_sentences17.jsonl",
               "train_sentences18.jsonl", "train_sentences19.jsonl", "train_sentences20.jsonl",
               "train_sentences21.jsonl", "train_sentences22.jsonl", "train_sentences23.jsonl",
               "train_sentences24.jsonl", "train_sentences25.jsonl", "train_sentences26.jsonl",
               "train_sentences27.jsonl", "train_sentences28.jsonl", "train_sentences29.jsonl",
               "train_sentences30.jsonl", "train_sentences31.jsonl", "train_sentences32.jsonl",
               "train_sentences33.jsonl", "train_sentences34.jsonl", "train_sentences35.jsonl",
               "train_sentences36.jsonl", "train_sentences37.jsonl", "train_sentences38.jsonl",
               "train_sentences39.jsonl", "train_sentences40.jsonl", "train_sentences41.jsonl",
               "train_sentences42.jsonl", "train_sentences43.jsonl", "train_sentences44.jsonl",
               "train_sentences45.jsonl",
               "train_sentences46.jsonl", "train_sentences47.jsonl", "train_sentences48.jsonl",
               "train_sentences49.jsonl", "train_sentences50.jsonl", "train_sentences51.jsonl",
               "train_sentences52.jsonl", "train_sentences53.jsonl",
               "train_sentences54.jsonl", "train_sentences55.jsonl",
               "train_sentences56.jsonl", "train_sentences57.jsonl")
# Draws 49 and 51 (session 32) take any sentence of their articles, with or without a lexicon candidate: event
# candidates may come from the parse too, so a judge drawn only where the lexicon fires would hide the events (and the
# false alarms) outside it. (48, 50 and 52, drawn beside them, hold a candidate, as every draw before.) Draws 52-53
# (session 33) are the next fresh English judge, 54 (with a candidate) and 55 (any sentence) session 34's, and 56
# (with a candidate) and 57 (any sentence) session 35's.
ANY_SENTENCE_DRAWS = (49, 51, 53, 55, 57)
# Sentences with a trigger candidate from **test** articles (session 18): a larger view of the precision of what the
# timeline shows on articles nobody tuned to; scored as split "test-draws", never used for training or tuning.
TEST_DRAW_FILE = "test_draw_sentences.jsonl"
TEST_DRAW_SEED = SEED + 100  # apart from the training draws' seeds (SEED + batch)
# Sentences with a trigger candidate from the **test** half of the single news sentences (SENTENCE_SOURCES, session
# 28): Indonesian test data beyond the bed's few test articles; scored as split "test-sentences", never tuned on.
TEST_SENTENCE_FILE = "test_sentence_draw.jsonl"
TEST_SENTENCE_SEED = SEED + 200


def _candidate_draw(per_lang: int, split: str, seed: int, prefix: str, earlier: list[str], shared: Path,
                    sources=LANGUAGE_SOURCES, any_sentence: bool = False) -> list[dict]:
    """`per_lang` sentences per language from `split` articles of `sources`, each holding a trigger candidate of the
    language's lexicon (the classifier decides on candidates; random sentences hold one in about one case in four),
    none already in the files `earlier`. Articles of LANGUAGE_SOURCES must carry a date; the single sentences of
    SENTENCE_SOURCES have none. `any_sentence`: no candidate needed."""
    from linimasa.events.lexicon import lexicon

    rng = random.Random(seed)
    pool = articles(shared)
    taken = {(i["doc"], i["start"]) for name in earlier
             for i in map(json.loads, (BED.parent / name).read_text().splitlines())}
    out = []
    for code, prefixes in sources:
        triggers = [p for _, p in lexicon(code).triggers]
        keys = sorted(k for k in pool if k.startswith(prefixes) and split_of(k) == split
                      and (pool[k]["date"] or sources is SENTENCE_SOURCES))
        out += _draw(rng, keys, code, per_lang, prefix, lambda key, text, s, e: (key, s) not in taken and (
            any_sentence or any(p.search(text[s:e]) for p in triggers)), shared)
    return out


def sample_training(per_lang: int, shared: Path = SHARED, batch: int = 1) -> list[dict]:
    """More dev sentences for training the event models: drawn at random from dev-split articles only (never a
    test article), with a trigger candidate, not already in the bed or in an earlier training draw. Draw `batch` n
    uses seed SEED + n and ids "tr-" (1) or "tr<n>-"; draws SENTENCE_POOL_FROM to SENTENCE_POOL_TO take Indonesian
    news sentences only (the dev half of SENTENCE_SOURCES holds no more), later ones English articles only (no
    dated Indonesian dev article is left); draws of ANY_SENTENCE_DRAWS any sentence, with or without a candidate."""
    sources = (SENTENCE_SOURCES if SENTENCE_POOL_FROM <= batch <= SENTENCE_POOL_TO else LANGUAGE_SOURCES[:1]
               if batch > SENTENCE_POOL_TO else LANGUAGE_SOURCES)
    return _candidate_draw(per_lang, "dev", SEED + batch, "tr-" if batch == 1 else f"tr{batch}-",
                           ["sentences.jsonl", *TRAIN_FILES[:batch - 1]], shared, sources,
                           any_sentence=batch in ANY_SENTENCE_DRAWS)


def sample_test_draw(per_lang: int, shared: Path = SHARED) -> list[dict]:
    """Sentences with a trigger candidate from test-split articles, not already in the bed: ids "te-"."""
    return _candidate_draw(per_lang, "test", TEST_DRAW_SEED, "te-", ["sentences.jsonl"], shared)


def sample_test_sentences(per_lang: int, shared: Path = SHARED) -> list[dict]:
    """Sentences with a trigger candidate from the test half of the single news sentences: ids "ts-"."""
    return _candidate_draw(per_lang, "test", TEST_SENTENCE_SEED, "ts-", [], shared, SENTENCE_SOURCES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw the bed's sentences; writes sentences.jsonl (ids and offsets only)")
    s.add_argument("--per-lang", type=int, default=320)
    s.add_argument("--out", type=Path, default=BED.parent / "sentences.jsonl")
    t = sub.add_parser("sample-train", help="draw training sentences with a trigger candidate from dev articles")
    t.add_argument("--per-lang", type=int, default=300)
    t.add_argument("--batch", type=int, default=1, choices=range(1, len(TRAIN_FILES) + 1))
    t.add_argument("--out", type=Path, help="default: bench/events/ + the batch's file of TRAIN_FILES")
    d = sub.add_parser("sample-test", help="draw sentences with a trigger candidate from test articles (scored only)")
    d.add_argument("--per-lang", type=int, default=200)
    d.add_argument("--out", type=Path, default=BED.parent / TEST_DRAW_FILE)
    e = sub.add_parser("sample-test-sentences", help="draw Indonesian test sentences (SENTENCE_SOURCES' test half)")
    e.add_argument("--per-lang", type=int, default=400)
    e.add_argument("--out", type=Path, default=BED.parent / TEST_SENTENCE_FILE)
    args = parser.parse_args()
    if args.cmd == "sample-train" and args.out is None:
        args.out = BED.parent / TRAIN_FILES[args.batch - 1]
    items = (sample(args.per_lang) if args.cmd == "sample" else sample_test_draw(args.per_lang)
             if args.cmd == "sample-test" else sample_test_sentences(args.per_lang)
             if args.cmd == "sample-test-sentences" else sample_training(args.per_lang, batch=args.batch))
    with open(args.out, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} sentences -> {args.out}")


if __name__ == "__main__":
    main()


# ---- scoring: what `linimasa run` stored against the bed's annotations (rules in GUIDELINE.md, "Scoring") ----
NAME_FUZZ = 85  # rapidfuzz ratio at which two spellings of a name are one name ("Ahmadinejad" / "Ahmadinejad's")
ARTICLES = {"the", "a", "an"}
# Courtesy titles are no part of a name either: a reader writes "Dr Murray" as the sentence names him, linimasa the
# document's fullest name, "Conrad Murray" (job titles such as "President" are left: they can tell two people apart).
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "rev", "pak", "bu", "bapak", "ibu"}


def annotations(bed: Path = BED) -> dict[str, dict]:
    """Sentence id -> {"events": [...]} from every annotation file of the bed."""
    out = {}
    for path in sorted(bed.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row
    return out


def _words(name: str) -> set[str]:
    import re

    return {w for w in re.findall(r"\w+", name.lower()) if w not in ARTICLES and w not in COURTESY_TITLES}


@functools.cache
def _kb_ids(name: str) -> frozenset[str]:
    """Ids of the knowledge-base records `name` names ("Britain", "United Kingdom", "Inggris" -> the UK)."""
    from linimasa.settings import Context
    from linimasa.stages.entities import kb_of

    kb = kb_of(Context.create())
    return frozenset(kb.by_name.get(name, []) or kb.by_name.get(name.strip(), []))


def _initials(name: str, short: str) -> bool:
    """Whether `short` is an all-capital acronym of `name`'s capitalised words ("KPK", "Komisi Pemberantasan
    Korupsi"): annotators write the short form a document defines, linimasa the name it defines it for."""
    letters = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(short) >= 2 and short.isupper() and short.isalpha() and letters == short


def _named_in(phrase: str) -> frozenset[str]:
    """The knowledge-base records a common-noun phrase names by its one proper name ("UK government", "UN police",
    "pakar PBB": the UK, the UN), as the guideline's "Libyan forces" -> Libya; none where other words are capitalised
    too ("Institut Prancis di Indonesia" is an institute, not France)."""
    words = phrase.split()
    named = [w for w in words if w[:1].isupper()]
    if len(words) < 2 or not named or any(w[:1].isupper() for w in words if w not in named[:1]) or (
            words.index(named[0]) not in (0, len(words) - 1)):
        return frozenset()
    return _kb_ids(named[0])


def same_name(a: str, b: str) -> bool:
    """One participant: one's words hold the other's, a fuzzy ratio of NAME_FUZZ, both are names of one
    knowledge-base record (annotators write "Britain", "AS", "Korea Utara"; linimasa prints the record's name), one
    is the other's acronym ("KPK"), or one is a common-noun phrase of the other's record ("UK government": the United
    Kingdom)."""
    from rapidfuzz import fuzz

    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return (wa <= wb or wb <= wa or fuzz.ratio(" ".join(sorted(wa)), " ".join(sorted(wb))) >= NAME_FUZZ
            or bool(_kb_ids(a) & _kb_ids(b)) or _initials(a, b.strip()) or _initials(b, a.strip())
            or bool(_named_in(a) & _kb_ids(b)) or bool(_named_in(b) & _kb_ids(a)))


def same_names(gold: list[str], system: list[str]) -> bool:
    return (all(any(same_name(g, s) for s in system) for g in gold)
            and all(any(same_name(g, s) for g in gold) for s in system))


def date_right(gold: str, system, published: str, one_class: bool = False) -> bool:
    """The rule of the guideline: gold granularity, PUB = the publication day or the day before, "" = no date
    (a mention dated by its report's day passes unless it says the event happened). With `one_class`, "" and PUB
    are one class, "no date of its own": any mention without its own time expression (dated by the report's day or
    undated) passes either — where most disagreement between two readers lies."""
    from datetime import date, timedelta

    value = system.date or ""
    if one_class and gold in ("", "PUB") and system.date_source in ("published", "background", ""):
        return True
    if gold == "PUB":
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return False
        return value[:10] in (day.isoformat(), (day - timedelta(days=1)).isoformat())
    if gold == "":
        return value == "" or (system.date_source == "published" and system.status != "happened")
    return on_date(value, gold)


def judge(gold: dict, system, published: str, one_class: bool = False) -> dict[str, bool]:
    """Which parts of `system` (an EventMention) agree with the gold mention `gold` (trigger offsets relative to
    the sentence, as the bench maps them)."""
    return {
        "type": system.type == gold["type"],
        "actors": same_names(gold["actors"], system.actors),
        "targets": same_names(gold["targets"], system.targets),
        "status": system.status == gold["status"],
        "date": date_right(gold["date"], system, published, one_class),
    }


def match_sentence(gold: list[dict], system: list, published: str, one_class: bool = False) -> list[tuple[int, int, dict]]:
    """Pairs (gold index, system index, judgement), each mention used once: overlapping triggers first, then the
    same type; among them the pairs that agree on most parts."""
    def overlap(g, s):
        return g["t_start"] < s.trigger_span.end and s.trigger_span.start < g["t_end"]

    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if s.trigger_span is None:
                continue
            o = overlap(g, s)
            if o or s.type == g["type"]:
                verdict = judge(g, s, published, one_class)
                cands.append((-(2 * o + sum(verdict.values())), i, j, verdict))
    used_g, used_s, out = set(), set(), []
    for _, i, j, verdict in sorted(cands, key=lambda c: c[:3]):
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j, verdict))
    return out
