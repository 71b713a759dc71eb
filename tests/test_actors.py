"""Actors: gazetteer validity, mention resolution rules (with negatives), offsets, extension."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, need_shared
from toolkit import actors, lexicon
from toolkit.actors import find_mentions, load_gazetteer, most_recent

FICTIONAL = ROOT / "data" / "actors_fictional.csv"


def _rows(text, **kw):
    m = find_mentions(text, **kw)
    assert all(text[a:b] == t for a, b, t in zip(m.start, m.end, m.text))
    return m


def _by_text(m, needle):
    got = m[m["text"].str.contains(needle, regex=False)]
    assert len(got), f"no mention containing {needle!r} in {m['text'].tolist()}"
    return got.iloc[0]


# ----------------------------------------------------------------------------- gazetteer
@pytest.mark.parametrize("name", ["actors", "people"])
def test_bundled_lexicons_validate(name):
    lex = lexicon.load(name)
    assert lexicon.validate(lex) == []
    assert lex.meta["sources"] and lex.meta["changelog"][0]["version"] == lex.version


def test_gazetteer_covers_un_members_and_others():
    e = lexicon.load("actors").entries
    disputed = e["ambiguous"].str.contains("disputed")
    states = set(e.loc[(e["category"] == "state") & ~disputed, "actor"])
    assert len(states) >= 193 + 5
    assert {"RUS", "USA", "UKR", "PSE", "VAT", "TWN", "XKX", "ESH"} <= states
    assert all(len(c) == 3 and c.isupper() for c in states)
    # a place whose sovereignty states dispute is assigned to no claimant, and is a region
    assert disputed.any() and (e.loc[disputed, "actor"] == "").all()
    assert e.loc[disputed, "note"].str.startswith("region:").all()


def test_roles_table_is_consistent():
    g = load_gazetteer()
    r = g.roles
    names = set(lexicon.load("people").entries["person"])
    assert set(r["person"]) <= names
    both = r.dropna(subset=["valid_from", "valid_to"])
    assert (both["valid_from"] < both["valid_to"]).all()
    assert g.holders("RUS", {"president"}, pd.Timestamp("2010-06-01")) == ["Dmitry Medvedev"]
    assert g.holders("GBR", {"foreign_minister"}, pd.Timestamp("2024-09-11")) == ["David Lammy"]


@pytest.mark.parametrize("label, code", [
    ("russian_federation", "RUS"), ("United_States_Of_America", "USA"),
    ("Venezuela_(Bolivarian_Republic_Of)", "VEN"), ("Republic_Of_Korea", "KOR"),
    ("Ruritania", None),
])
def test_code_of(label, code):
    assert actors.code_of(label) == code


# ----------------------------------------------------------------------------- rules
# (text, needle, expected attributes); None as expected means no mention contains the needle.
CASES = [
    ("The Kremlin warned Kyiv.", "Kremlin", {"actor": "RUS", "sector": "GOV", "metonym": True}),
    ("The Pentagon declined to comment.", "Pentagon", {"actor": "USA", "sector": "MIL", "metonym": True}),
    ("Washington sent a message to Moscow.", "Moscow", {"actor": "RUS", "metonym": True, "location": False}),
    ("There are daily flights to Washington.", "Washington", {"actor": "USA", "metonym": False, "location": True}),
    ("Talks were held in Moscow on Monday.", "Moscow", {"actor": "RUS", "location": True}),
    ("Tension grew around Washington's refusal.", "Washington", {"metonym": True, "location": False}),
    ("Missiles struck targets inside Russia.", "Russia", {"actor": "RUS", "location": True}),
    ("Downing Street said the plan was sound.", "Downing Street", {"actor": "GBR", "metonym": True}),
    ("The Paris climate summit ended.", "Paris", {"actor": "FRA", "metonym": False, "location": True}),
    # a region of a state is always a place, never the state as an agent (its governor or
    # leaders are often not the state's: "Crimea's Russian-installed governor")
    ("Crimea's Russian-installed governor accused Kyiv.", "Crimea", {"actor": "UKR", "location": True}),
    ("Tigray's leaders rejected the deal.", "Tigray", {"actor": "ETH", "location": True}),
    ("Anadolu Efes beat Real Madrid.", "Anadolu", None),
    ("Russian President Vladimir Putin spoke.", "Putin",
     {"actor": "RUS", "sector": "GOV", "person": "Vladimir Putin", "role": "president"}),
    ("US Secretary of State Antony Blinken spoke.", "Blinken",
     {"actor": "USA", "sector": "GOV", "role": "foreign_minister"}),
    ("Russian troops advanced.", "troops", {"actor": "RUS", "sector": "MIL", "kind": "role"}),
    ("Western military aid continued.", "Western", {"actor": "WEST", "sector": None}),
    ("They accused the West of hypocrisy.", "West", {"actor": "WEST", "actor_type": "bloc"}),
    ("NATO expansion worries Moscow.", "NATO", {"actor": "NATO", "actor_type": "igo"}),
    ("Ukraine fired US-supplied missiles.", "US", {"actor": "USA", "resolved_from": "compound"}),
    ("The representative of the Russian Federation objected.", "representative",
     {"actor": "RUS", "role": "ambassador"}),
    ("Interfax reported the remarks.", "Interfax", {"actor": "RUS", "sector": "MED", "actor_type": "media"}),
    # a region is its state's place, and the bloc entry "the West" does not take it
    ("He toured the West Bank and New Mexico.", "West", {"actor": "PSE"}),
    # negatives
    ("Let us be clear about this.", "us", None),
    ("The governor of Georgia met voters in Atlanta, Georgia.", "Georgia", None),
    ("Georgia's governor signed the bill.", "Georgia", None),
    ("Schools in states like Georgia or Oklahoma improved.", "Georgia", None),
    ("Michael Jordan played well.", "Jordan", None),
    ("The Minsk agreements were never implemented.", "Minsk", None),
    ("He toured the West Bank and New Mexico.", "Mexico", None),
    ("The army would respond.", "army", None),  # a bare role is not a mention
    ("Growth in Latin America slowed.", "America", None),
    ("Putin spoke. We thank the Presidents of the region.", "Presidents", None),
    ("RUSSIA TELLS US TO STOP", "US", None),  # all-caps headline: "US" may be the pronoun
]


@pytest.mark.parametrize("text, needle, expected", CASES)
def test_rules(text, needle, expected):
    m = _rows(text)
    hit = m[m["text"].str.contains(needle, regex=False)]
    if expected is None:
        assert hit.empty, hit[["text", "actor"]].values.tolist()
        return
    row = _by_text(m, needle)
    for key, val in expected.items():
        got = row[key]
        got = None if pd.isna(got) else got
        assert got == val, f"{key}: {got!r} != {val!r} for {row['text']!r}"


@pytest.mark.parametrize("text, needle, rule", [
    ("The Kremlin warned Kyiv.", "Kremlin", "name"),
    ("Ukraine fired US-supplied missiles.", "US", "compound"),
    ("Russian President Vladimir Putin spoke.", "Putin", "person"),
    ("Russia's foreign minister arrived late.", "minister", "role"),
    ("The spokesperson for the Kremlin declined to comment.", "spokesperson", "role_of_actor"),
    ("Ostrian Foreign Minister Anna Kovac spoke. The Ruritanian envoy Ivo Marek left.", "Kovac", "title_name"),
    ("Ana Petric, the Ukrainian foreign minister, spoke.", "Petric", "apposition_before"),
    ("The Russian foreign minister, Sergei Lavrov, spoke.", "Lavrov", "apposition_after"),
    ("Russian Foreign Minister Sergei Lavrov met reporters. The minister said no.", "minister said", "role_anaphor"),
    ("Ukrainian Deputy Prime Minister Olena Marchuk spoke. Later, Marchuk left.", "Marchuk left", "surname"),
    ("EU ministers met. Brussels said the plan stands.", "Brussels", "context"),
])
def test_every_row_names_its_rule(text, needle, rule):
    m = _rows(text)
    hit = m[m["text"].str.contains(needle.split()[0], regex=False)]
    if " " in needle:  # the later mention: the one before the word that follows the needle
        hit = hit[hit["end"] <= text.index(needle) + len(needle.split()[0])].tail(1)
    assert hit["rule"].tolist()[-1:] == [rule], m[["text", "rule"]].values.tolist()


@pytest.mark.parametrize("text, needle, expected", [
    # an official the people list lacks takes the state of the nationality word or "of <state>"
    ("Ukrainian Deputy Prime Minister Olena Marchuk said the corridor was open.", "Marchuk",
     {"actor": "UKR", "person": "Olena Marchuk", "role": "deputy_minister", "rule": "title_name"}),
    ("Deputy Prime Minister Olena Marchuk of Ukraine met aid workers.", "Marchuk",
     {"actor": "UKR", "person": "Olena Marchuk", "rule": "title_name"}),
    ("Olena Marchuk, Ukraine's deputy prime minister, met aid workers.", "Marchuk",
     {"actor": "UKR", "role": "deputy_minister", "rule": "apposition_before"}),
    ("Russia's deputy foreign minister, Pavel Grekov, said talks had stalled.", "Grekov",
     {"actor": "RUS", "person": "Pavel Grekov", "rule": "apposition_after"}),
    # negatives: no state named, no guess; a deputy is never dated to the office holder
    ("Foreign Minister Anna Kovac of the ruling party spoke.", "Kovac", {"actor": None, "person": "Anna Kovac"}),
    ("Prime Minister Ivo Ban of Ruritania spoke.", "Ban", {"actor": None}),
    ("Russia's deputy prime minister said gas would flow.", "deputy", {"actor": "RUS", "person": None}),
])
def test_officials_take_the_state_the_text_gives(text, needle, expected):
    row = _by_text(_rows(text, date="2022-04-10"), needle)
    for key, val in expected.items():
        got = None if pd.isna(row[key]) else row[key]
        assert got == val, f"{key}: {got!r} != {val!r} for {row['text']!r}"


@pytest.mark.parametrize("text, needle, person", [
    ("Vladimir Putin met Olaf Scholz on Tuesday. The Russian leader said sanctions would fail.",
     "Russian leader", "Vladimir Putin"),
    ("Vladimir Putin met Joe Biden in Geneva. The American leader left early.", "American leader", "Joe Biden"),
    ("Hungarian Foreign Minister Peter Szijjarto met Dmytro Kuleba. The Hungarian minister said no.",
     "Hungarian minister", "Peter Szijjarto"),
    # negatives: no person of that state and role before it; plural; not a definite description
    ("Sergei Lavrov spoke first. The Russian president said nothing.", "Russian president", None),
    ("The Russian leader said the sanctions would fail.", "Russian leader", None),
    ("Vladimir Putin spoke. The Russian officials said nothing.", "Russian officials", None),
    ("Vladimir Putin spoke. A Russian diplomat said nothing.", "Russian diplomat", None),
])
def test_a_description_names_the_person_of_its_state_named_before(text, needle, person):
    row = _by_text(_rows(text), needle)
    assert (None if pd.isna(row["person"]) else row["person"]) == person
    assert row["rule"] == ("description" if person else "role")


def test_georgia_the_country_stays():
    m = _rows("Georgia and Russia fought a war in 2008.")
    assert m["actor"].tolist() == ["GEO", "RUS"]


@pytest.mark.parametrize("text, name, expected", [
    ("Ruritanian Foreign Minister Anna Kovac arrived. Kovac spoke later.", "Kovac",
     {"person": "Anna Kovac", "role": "foreign_minister", "sector": "GOV"}),
    ("Anna Kovac, the Ukrainian foreign minister, spoke. Later Kovac left.", "Kovac",
     {"person": "Anna Kovac", "actor": "UKR", "role": "foreign_minister"}),
    ("The Ukrainian foreign minister, Anna Kovac, spoke. Kovac left.", "Kovac",
     {"person": "Anna Kovac", "actor": "UKR"}),
    ("Ivan Petrov, the spokesperson for the Kremlin, spoke. Petrov added more.", "Petrov",
     {"person": "Ivan Petrov", "actor": "RUS", "role": "spokesperson"}),
])
def test_unknown_people_and_their_surnames(text, name, expected):
    m = _rows(text)
    rows = m[m["text"].str.contains(name, regex=False)]
    assert len(rows) == 2, rows["text"].tolist()
    later = rows.iloc[-1]
    assert later["text"] == name and later["resolved_from"] == "surname"
    for key, val in expected.items():
        assert rows.iloc[0][key] == val and later[key] == val


def test_apposition_is_absorbed_not_counted_twice():
    m = _rows("Dmitry Peskov, spokesperson for Russian President Vladimir Putin, spoke.")
    assert m["text"].tolist() == ["Dmitry Peskov", "Russian President Vladimir Putin"]
    assert m["role"].tolist() == ["spokesperson", "president"]


@pytest.mark.parametrize("text, date, person", [
    ("The Russian president spoke.", "2010-06-01", "Dmitry Medvedev"),
    ("The Russian president spoke.", "2024-06-01", "Vladimir Putin"),
    ("The British foreign secretary spoke.", "2024-09-11", "David Lammy"),
    ("The Russian president spoke.", None, None),  # no date, no guess
    ("The Russian spokesman spoke.", "2024-06-01", None),  # Peskov or Zakharova: no guess
    ("The Taiwanese president spoke.", "2020-06-01", "Tsai Ing-wen"),
    ("The Taiwanese president spoke.", "2024-06-01", "Lai Ching-te"),
])
def test_time_bounded_roles(text, date, person):
    row = _rows(text, date=date).iloc[0]
    assert (None if pd.isna(row["person"]) else row["person"]) == person


def test_role_anaphor_resolves_to_recent_person():
    m = _rows("Russian President Vladimir Putin spoke. The president later added a warning.")
    last = m.iloc[-1]
    assert (last["text"], last["person"], last["resolved_from"]) == ("president", "Vladimir Putin", "anaphor")


@pytest.mark.parametrize("text, speaker, expected", [
    ("My delegation rejects that claim.", "UKR", ["UKR"]),
    ("My delegation rejects that claim.", None, []),
])
def test_self_reference(text, speaker, expected):
    assert _rows(text, speaker=speaker)["actor"].tolist() == expected


def test_brussels_is_eu_in_eu_context():
    m = _rows("The EU imposed sanctions. Brussels warned Minsk.")
    assert _by_text(m, "Brussels")["actor"] == "EU"
    assert _by_text(_rows("Brussels warned Minsk."), "Brussels")["actor"] == "BEL"


def test_most_recent_helper():
    text = "Dmitry Peskov spoke. Antony Blinken replied. Then he left."
    m = _rows(text)
    assert most_recent(m, "text", text.index("he left"))["person"] == "Antony Blinken"
    assert most_recent(m, "text", text.index("he left"), role="spokesperson")["person"] == "Dmitry Peskov"
    assert most_recent(m, "text", 0) is None


# ----------------------------------------------------------------------------- extension
def test_user_gazetteer_fictional_states():
    text = ("Ilse Varga, the spokesperson for Ardanian President Mira Halden, spoke. "
            "Tarsk Palace rejected it and Borovian troops moved. Weller urged calm in Velmora.")
    plain = _rows(text)
    assert "ARD" not in set(plain["actor"])
    m = _rows(text, lexicons=[FICTIONAL])
    assert _by_text(m, "Varga")[["actor", "role", "source"]].tolist() == ["ARD", "spokesperson",
                                                                          "actors_fictional@1.0.0"]
    assert _by_text(m, "Tarsk Palace")[["actor", "metonym"]].tolist() == ["BOR", True]
    assert _by_text(m, "Borovian troops")[["actor", "sector"]].tolist() == ["BOR", "MIL"]
    assert _by_text(m, "Weller")["actor"] == "CLG"
    assert bool(_by_text(m, "Velmora")["location"])


def test_user_gazetteer_errors(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text("entry,category,actor\nRuritania,country,RUR\n", encoding="utf-8")
    with pytest.raises(actors.GazetteerError, match="category"):
        load_gazetteer([bad])
    with pytest.raises(FileNotFoundError):
        load_gazetteer([tmp_path / "missing.csv"])


def test_analyze_passes_gazetteer_option():
    import toolkit

    df = pd.DataFrame({"text": ["Borovian President Viktor Drago warned Velmora."], "date": ["2024-06-05"]})
    a = toolkit.analyze(df, annotators=["actors"], workers=1,
                        options={"actors": {"lexicons": [str(FICTIONAL)]}})
    m = a["mentions"]
    assert m["actor"].tolist() == ["BOR", "ARD"]
    assert m["person"].iloc[0] == "Viktor Drago"


def test_cli_gazetteer_flag(tmp_path: Path):
    from toolkit.cli import main

    out = tmp_path / "out"
    assert main(["analyze", str(ROOT / "data" / "sample"), "--out", str(out), "--workers", "1",
                 "--annotators", "actors", "--gazetteer", str(FICTIONAL)]) == 0
    m = pd.read_parquet(out / "mentions.parquet")
    assert {"ARD", "BOR", "CLG"} <= set(m["actor"])


_PIECES = ["Russia", "US", "Kyiv", "the West", "President", "Putin", "in", "Georgia", "my country",
           "Anna Kovac", ",", "the", "foreign minister", "US-", "NATO", "'s", ".", "\n", "Atlanta",
           "Peskov", "Ukrainian", "troops", "of", "Moscow", "a", "-", "’"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=25)
       .map(lambda parts: " ".join(parts)))
def test_any_text_offsets_slice_back(text):
    m = find_mentions(text, speaker="UKR")
    assert all(text[a:b] == t for a, b, t in zip(m.start, m.end, m.text))
    assert list(m.columns) == actors.MENTION_COLUMNS


# ----------------------------------------------------------------------------- corpora
def _check_offsets(analysis):
    texts = analysis.texts()
    m = analysis["mentions"]
    assert list(m.columns) == actors.MENTION_COLUMNS
    assert all(texts[d][a:b] == t for d, a, b, t in zip(m.doc_id, m.start, m.end, m.text))
    return m


SEED_EXPECTED = [  # needle, actor, sector, metonym/location checks
    ("Kremlin", {"actor": "RUS", "metonym": True}),
    ("Washington lifts", None),  # checked via the first "Washington" below
    ("Peskov", {"actor": "RUS", "sector": "GOV", "person": "Dmitry Peskov"}),
    ("Blinken", {"actor": "USA", "sector": "GOV"}),
    ("Biden", {"actor": "USA", "sector": "GOV"}),
    ("Lammy", {"actor": "GBR", "sector": "GOV"}),
    ("Starmer", {"actor": "GBR", "sector": "GOV"}),
    ("NATO", {"actor": "NATO"}),
    ("the West", {"actor": "WEST"}),
    ("Moscow", {"actor": "RUS", "metonym": True}),
]


@pytest.mark.shared
def test_seed_article(seed_analysis):
    m = _check_offsets(seed_analysis)
    for needle, expected in SEED_EXPECTED:
        if expected is None:
            continue
        row = _by_text(m, needle)
        for key, val in expected.items():
            assert row[key] == val, (needle, key, row[key])
    wash = m[m["text"] == "Washington"]
    assert bool(wash.iloc[0]["metonym"]) and wash.iloc[0]["actor"] == "USA"
    kyiv = m[m["text"] == "Kyiv"]
    assert len(kyiv) and kyiv["location"].all() and not kyiv["metonym"].any()  # "arrived in Kyiv"
    # Every mention of Peskov is the same person, never a place or a bare surname without actor.
    pes = m[m["text"].str.contains("Peskov")]
    assert len(pes) >= 4 and set(pes["person"]) == {"Dmitry Peskov"} and set(pes["actor"]) == {"RUS"}


def test_sample_offsets_with_and_without_its_gazetteer(sample_analysis):
    m = _check_offsets(sample_analysis)
    assert m["actor"].isin(["ARD", "BOR", "CLG"]).any()       # the sample declares its gazetteer
    import toolkit
    from toolkit import datasets

    bare = toolkit.analyze(datasets.sample(), annotators=["actors"], workers=1,
                           options={"actors": {"lexicons": []}})
    assert not _check_offsets(bare)["actor"].isin(["ARD", "BOR", "CLG"]).any()  # unknown without it


@pytest.mark.shared
@pytest.mark.slow
def test_ungdc_slice_offsets_and_speaker(ungdc_slice):
    import toolkit

    a = toolkit.analyze(ungdc_slice, annotators=["actors"], workers=1)
    m = _check_offsets(a)
    assert len(m) > 200
    docs = a.documents.set_index("doc_id")["country"]
    self_rows = m[m["kind"] == "self"]
    assert len(self_rows) and (self_rows["actor"].values == docs.loc[self_rows["doc_id"]].values).all()
    assert {"RUS", "USA", "UKR"} <= set(m["actor"])


@pytest.mark.shared
def test_validation_runs_on_a_slice():
    from toolkit.validation.actors import evaluate

    res = evaluate(need_shared("eval-dev"), n_boot=0, limit=150)
    measures = {r.measure for r in res}
    assert measures == {"actors.target", "actors.target_mentioned", "actors.names"}
    target = next(r for r in res if r.measure == "actors.target")
    acc = target.scores.query("system == 'toolkit' and metric == 'accuracy'")["value"].iloc[0]
    assert 0.3 < acc <= 1.0


# A state's portfolio word between it and a bare "minister"/"ministry" keeps the official the
# state's; a verb, a function word or a bare state name (no possessive) ends the phrase.
@pytest.mark.parametrize("text, needle, actor, person", [
    ("Ardanian Interior Minister Lina Sorel announced a curfew.", "Sorel", "ARD", "Lina Sorel"),
    ("Ghana's information minister, Ama Boateng, rejected it.", "Boateng", "GHA", "Ama Boateng"),
    ("The Polish Digital Affairs Ministry said the outage was over.", "Ministry", "POL", None),
    ("Borovia's Energy Minister Pavel Orsk cut the gas.", "Pavel Orsk", "BOR", "Pavel Orsk"),
    # negatives
    ("Ukraine thanked Minister Ivo Daskal for the aid.", "Ivo Daskal", None, "Ivo Daskal"),
    ("Ukraine honours Minister Ivo Daskal today.", "Ivo Daskal", None, "Ivo Daskal"),
    ("Ukraine Interior Minister Ivo Daskal spoke.", "Ivo Daskal", None, "Ivo Daskal"),
    # a gazetteer person needs no nationality word
    ("President Lai Ching-te visited the troops.", "Lai", "TWN", "Lai Ching-te"),
])
def test_portfolio_words_keep_the_official_the_states(text, needle, actor, person):
    row = _by_text(_rows(text, lexicons=[FICTIONAL]), needle)
    got = [None if pd.isna(v) else v for v in row[["actor", "person"]]]
    assert got == [actor, person]


@pytest.mark.parametrize("text", [
    "Russia said the minister had lied.",
    "Poland and the ministry disagreed.",
])
def test_a_state_before_a_clause_is_no_portfolio(text):
    m = _rows(text)
    assert not ((m["role"] == "minister") & m["actor"].notna()).any(), m[["text", "actor", "role"]]
