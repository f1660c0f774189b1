from linimasa.corpus.dedupe import Deduper, Fingerprinter
from linimasa.model import Document, Entity, Published
from linimasa.store import SQLiteStore


def _doc(doc_id, text, day="2021-12-30", entities=()):
    return Document(id=doc_id, source=doc_id, media_type="text/plain", content_sha256=doc_id, text=text,
                    published=Published(day, "field", 1.0),
                    entities=[Entity(id=e, name=e, type="PER") for e in entities])


class Index:
    """The copy index as `linimasa.process` uses it: each article is stored, then filed."""

    def __init__(self, embeddings: bool = True):
        self.store = SQLiteStore(":memory:")
        self.dedupe, self.fingerprint = Deduper(self.store, embeddings), Fingerprinter()

    def add(self, doc):
        self.store.put(doc)
        return self.dedupe.add(self.fingerprint(doc))


def test_a_repost_with_site_furniture_is_a_copy_of_the_first_article(seed_docs):
    seed = seed_docs["004_6ec3a7005892a893"]
    index = Index(embeddings=False)
    assert index.add(_doc("original", seed.text)) is None
    copy = index.add((_doc("repost", "Baca juga: berita lain.\n" + seed.text + "\nBagikan artikel ini.")))
    assert copy is not None and copy.original_id == "original" and copy.method == "minhash"


def test_the_five_seeds_are_five_independent_articles(seed_docs):
    index = Index()
    assert [index.add(doc) for doc in seed_docs.values()] == [None] * 5


def test_a_translation_naming_the_same_people_is_the_same_story():
    index = Index()
    people = ["kb:joe-biden", "kb:vladimir-putin", "kb:ukraine"]
    index.add((_doc("id", "Presiden Joe Biden dan Vladimir Putin akan berbicara Kamis saat pemimpin Rusia itu "
                          "meningkatkan tuntutannya untuk jaminan keamanan di Eropa Timur sambil mempertahankan "
                          "penumpukan pasukan di perbatasan Ukraina.", entities=people)))
    copy = index.add((_doc("en", "President Joe Biden and Vladimir Putin will speak Thursday as the Russian leader "
                                 "escalates his demands for security guarantees in Eastern Europe while maintaining "
                                 "a troop buildup on the Ukrainian border.", "2021-12-31", entities=people)))
    assert copy is not None and copy.original_id == "id" and copy.method == "embedding"
    other = index.add((_doc("other", "Russian President Vladimir Putin held talks with US President Joe Biden via "
                                     "video link in Sochi on December 7, 2021.", "2021-12-08",
                            entities=["kb:joe-biden", "kb:vladimir-putin", "kb:sochi"])))
    assert other is None


def test_articles_with_no_candidate_copy_are_never_embedded():
    index = Index()
    index.add(_doc("a", "Police arrested two men after a protest in the capital.", entities=["kb:police"]))
    index.add(_doc("b", "The central bank raised its interest rate by half a point.", entities=["kb:bank"]))
    assert index.dedupe._model is None  # the embedding model was not even loaded
    assert all(vector is None for _, _, vector, _ in index.store.fingerprints_between("2021-12-01", "2021-12-31"))
