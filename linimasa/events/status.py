"""Whether an event mention happened: the first status (negated, conditional, hypothetical, proposed, planned,
happened) whose cue stands near the trigger in its clause; else the event date against the publication date."""

from __future__ import annotations

import re

from .lexicon import Lexicon

# Where a clause ends in any language: its cues do not reach across these (and the language's `clause_breaks`). A
# quotation that closes or opens with a clause too: what a quote says does not tell the status of what the writer
# says around it ('"... kapan Presiden akan menerima kami," kata Agus di lokasi demo': the demonstration is no plan);
# a quoted phrase inside a clause still does ('Biden "tidak bermaksud" untuk berbicara').
_CLAUSE_PUNCTUATION = re.compile(r"[;:—]|[,.!?]\s*(?:[\"”»]|'')|,\s*(?:[\"“«]|``)")
LEFT_WORDS = {"negated": 3, "conditional": 12, "hypothetical": 6, "proposed": 6, "planned": 8, "happened": 8}
RIGHT_CHARS = {"conditional": 90, "proposed": 30}


def _clause(sentence: str, start: int, end: int, words: re.Pattern[str] | None) -> tuple[str, str]:
    """The words of the trigger's clause before and after it."""
    patterns = [_CLAUSE_PUNCTUATION, *([words] if words is not None else [])]
    left = sentence[:start]
    cut = max((m.end() for p in patterns for m in p.finditer(left)), default=0)
    left = left[cut:]
    right = sentence[end:]
    cut = min((m.start() for p in patterns if (m := p.search(right))), default=len(right))
    return left, right[:cut]


def _reported_plan(left: str, window: str, cue: re.Match[str], lex: Lexicon) -> str:
    """The cue ("said ... would") when hypothetical cue `cue`, found in `window` (the last words of the clause's
    `left` part), is a plan told in reported speech: one of the language's `reported_future` after a `reporting`
    verb of its clause, with no `counterfactual_after` word after it ("would have fired" stays hypothetical);
    else ''."""
    word = cue.group(0).lower()
    if word not in lex.reported_future or lex.reporting is None:
        return ""
    after = window[cue.end():].split()
    if after and after[0].lower() in lex.counterfactual_after:
        return ""
    verbs = list(lex.reporting.finditer(left[:left.lower().rfind(word)]))
    return f"{verbs[-1].group(0)} ... {cue.group(0)}" if verbs else ""


def decide(sentence: str, start: int, end: int, lex: Lexicon, date_order: int = 0) -> tuple[str, str]:
    """(status, cue) for the trigger at sentence[start:end].

    `date_order` compares the event's date with the publication date: 1 later, -1 earlier, 0 same or unknown.

    >>> from linimasa.events.lexicon import lexicon
    >>> s = "Biden bersedia bertemu dengan Putin dengan syarat Rusia tidak menyerang Ukraina."
    >>> decide(s, s.index("bertemu"), s.index("bertemu") + 7, lexicon("id"))
    ('conditional', 'dengan syarat')
    """
    if lex.not_status_cues is not None:  # "Tidak hanya sekali ia dikritik", "not only criticised": no negation;
        # "membantah jika dirinya ...": the "if" opens what is denied (blanked where they stand, the trigger too)
        sentence = lex.not_status_cues.sub(lambda m: " " * len(m.group(0)), sentence)
    left, right = _clause(sentence, start, end, lex.clause_breaks)
    for status, pattern in lex.status:
        words = left.split()[-LEFT_WORDS[status]:]
        window = " ".join(words)
        found = list(pattern.finditer(window))
        if found:
            if status == "hypothetical" and (said := _reported_plan(left, window, found[-1], lex)):
                return "planned", said
            return status, found[-1].group(0)
        if status in RIGHT_CHARS:
            m = pattern.search(right[:RIGHT_CHARS[status]])
            if m:
                return status, m.group(0)
    if date_order > 0:
        return "planned", "date after publication"
    return "happened", ""
