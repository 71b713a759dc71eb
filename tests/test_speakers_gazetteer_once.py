"""A speaker resolver reads the bundled gazetteer once, not on each speaker's rules
(toolkit.actors.load_gazetteer checks its files' times on every call)."""
from __future__ import annotations

from toolkit import actors
from toolkit.speakers import SpeakerResolver, token_arrays
from toolkit.tokenize import tokenize_documents

TEXT = ("VELDORA (Reuters) - Talks with Ostrania will resume, state media said. "
        "The state news agency said the envoy would travel on Monday, officials said.")


def test_bundled_gazetteer_is_loaded_once_per_resolver(monkeypatch):
    calls = []
    real = actors.load_gazetteer

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(actors, "load_gazetteer", counting)
    _, toks = tokenize_documents(["d"], [TEXT])
    r = SpeakerResolver(token_arrays(TEXT, toks), [], [], set())
    assert r.gazetteer is real()
    for phrase in ("state media", "The state news agency", "officials"):
        a = TEXT.index(phrase)
        r.resolve(a, a + len(phrase))
    assert len(calls) == 1


def test_a_given_gazetteer_is_kept():
    g = actors.load_gazetteer()
    _, toks = tokenize_documents(["d"], [TEXT])
    assert SpeakerResolver(token_arrays(TEXT, toks), [], [], set(), gazetteer=g).gazetteer is g
