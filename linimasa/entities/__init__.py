"""Entity recognition and linking: knowledge-base matching (spaCy PhraseMatcher), a statistical NER model
(spaCy; linimasa trains and ships its own Indonesian one), capitalised-name candidates, role cues, and
linking of short forms and spelling variants (rapidfuzz)."""
