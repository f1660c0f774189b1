from linimasa.corpus.entities import merge_entities
from linimasa.model import Entity


def test_knowledge_base_entities_merge_by_id_and_keep_roles_per_document(corpus):
    merged = {e.name: e for e in merge_entities(corpus.store.doc_entities())}
    putin = merged["Vladimir Putin"]
    assert len(putin.documents) == 5 and putin.mentions >= 5
    assert merged["Yuri Ushakov"].roles == {"001_86cd6f01714b256d": ["penasihat Kremlin", "Kanselir Rusia"]}


def test_names_outside_the_knowledge_base_merge_when_spelled_alike():
    pairs = [("a", Entity("name:brittney-griner", "Brittney Griner", "PER", count=2)),
             ("b", Entity("name:brittney-griners", "Brittney Griners", "PER", count=1)),
             ("b", Entity("name:brittney-spears", "Britney Spears", "PER", count=1))]
    merged = merge_entities(pairs)
    assert [(e.name, e.mentions, e.documents) for e in merged][:1] == [("Brittney Griners", 3, ["a", "b"])]
    assert len(merged) == 2
