"""datasets: subsets as people type them, never an empty corpus in silence, one default per corpus."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT, need_shared

from toolkit import cli, datasets
from toolkit.corpus import load_corpus


@pytest.mark.parametrize("years, expected", [
    (None, None), ("", None), (2022, [2022]), ("2022", [2022]), ("2020-2022", [2020, 2021, 2022]),
    ("2019..2020", [2019, 2020]), ("2014, 2016", [2014, 2016]), (range(2000, 2002), [2000, 2001]),
    ([2020, "2021"], [2020, 2021]),
])
def test_years_as_typed(years, expected):
    assert datasets.parse_years(years) == expected


@pytest.mark.parametrize("years", ["last year", "2022-2020", "20-22", ["twenty"]])
def test_years_that_are_not_years_say_what_is_valid(years):
    with pytest.raises(ValueError, match="`years` value = .* is invalid"):
        datasets.parse_years(years)


@pytest.mark.parametrize("countries, expected", [
    (None, None), ("", None), ("RUS", ["RUS"]), ("rus", ["RUS"]), ("rus, usa", ["RUS", "USA"]),
    (["rus"], ["RUS"]), (("Ukr", " gbr "), ["UKR", "GBR"]),
])
def test_countries_as_typed(countries, expected):
    assert datasets.parse_countries(countries) == expected


def _speeches():
    return load_corpus(pd.DataFrame({"text": ["We warn.", "We agree.", "We object.", "We talk."],
                                     "country": ["RUS", "USA", "RUS", "UKR"],
                                     "year": [2020, 2021, 2022, 2022]}))


@pytest.mark.parametrize("filters, years", [
    ({"countries": "rus"}, [2020, 2022]),
    ({"countries": ["Rus"], "years": "2021-2022"}, [2022]),
    ({"years": 2022}, [2022, 2022]),
    ({"years": "2020-2021", "limit": 1}, [2020]),
])
def test_subset_keeps_what_was_asked(filters, years):
    assert datasets.subset(_speeches(), **filters).documents["year"].tolist() == years


@pytest.mark.parametrize("filters, message", [
    ({"countries": "XYZ"}, r"`countries` value \['XYZ'\] not in corpus"),
    ({"countries": "usa", "years": 2022}, "no document of corpus .* matches .* its years are 2020-2022"),
    ({"years": "1900-1901"}, "no document"),
])
def test_subset_never_empties_a_corpus_silently(filters, message):
    with pytest.raises(ValueError, match=message):
        datasets.subset(_speeches(), **filters)


def test_subset_needs_the_column_it_filters_on():
    with pytest.raises(ValueError, match="no country column"):
        datasets.subset(load_corpus(pd.DataFrame({"text": ["a."]})), countries="RUS")


def test_ungdc_takes_the_forms_people_type():
    need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    c = datasets.ungdc(countries="rus", years="2020-2022")
    assert sorted(c.documents["year"]) == [2020, 2021, 2022] and set(c.documents["country"]) == {"RUS"}
    with pytest.raises(ValueError, match="not in corpus 'ungdc'"):
        datasets.ungdc(countries=["RUSSIA"])


@pytest.mark.parametrize("source", ["sample", str(ROOT / "data" / "sample"),
                                    [str(p) for p in sorted((ROOT / "data" / "sample").glob("*.md"))[:2]]])
def test_the_sample_declares_its_gazetteer_however_it_is_named(source):
    opts = datasets.analysis_options(source)
    assert opts["actors"]["lexicons"][0].endswith("actors_fictional.csv")


@pytest.mark.parametrize("source", ["elsewhere/articles", str(ROOT / "data"), pd.DataFrame({"text": ["a"]})])
def test_other_corpora_declare_nothing(source):
    assert datasets.analysis_options(source) == {}


def test_the_loaded_sample_carries_its_options_and_users_override_them():
    c = datasets.sample()
    assert datasets.analysis_options(c) == datasets.sample_options()
    assert datasets.analysis_options(c, {"actors": {"lexicons": []}}) == {"actors": {"lexicons": []}}
    with pytest.warns(FutureWarning, match="'gazetteers' of annotator 'actors' is renamed `lexicons`"):
        old = datasets.analysis_options(c, {"actors": {"gazetteers": []}})
    assert old == {"actors": {"lexicons": {}}}     # the old spelling still replaces the declared one


def test_analyze_on_the_sample_finds_its_fictional_states(tmp_path):
    """The command line, by name or by path, analyses the sample with its gazetteer."""
    counts = []
    for i, source in enumerate(["sample", str(ROOT / "data" / "sample")]):
        out = tmp_path / f"o{i}"
        assert cli.main(["analyze", source, "--out", str(out), "--workers", "1", "--annotators", "actors",
                         "--limit", "2"] if i == 0 else
                        ["analyze", source, "--out", str(out), "--workers", "1", "--annotators", "actors"]) == 0
        m = pd.read_parquet(out / "mentions.parquet")
        counts.append(m.groupby("doc_id")["actor"].count())
        fictional = set(pd.read_csv(ROOT / "data" / "actors_fictional.csv")["actor"].dropna())
        assert m["actor"].notna().all() and set(m["actor"]) & fictional
    first_two = counts[1].loc[counts[0].index]
    assert counts[0].tolist() == first_two.tolist() and counts[0].sum() > 0


@pytest.mark.parametrize("argv, message", [
    (["--countries", "RUS"], "no country column"),
    (["--years", "soon"], "`years` value = 'soon' is invalid"),
])
def test_analyze_filters_fail_with_one_clear_line(tmp_path, capsys, argv, message):
    assert cli.main(["analyze", "sample", "--out", str(tmp_path), "--workers", "1", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


# ----------------------------------------------------------------------------- downloads

@pytest.fixture
def server(tmp_path):
    """A static file server on 127.0.0.1 only (no other network), serving tmp_path/www."""
    import functools
    import http.server
    import threading

    www = tmp_path / "www"
    www.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(www)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield www, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def no_local_copies(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("TOOLKIT_SHARED", str(tmp_path / "no-shared"))
    (tmp_path / "no-shared").mkdir()
    monkeypatch.delenv(datasets.DATA_URL_ENV, raising=False)
    return tmp_path / "data"


def _tiny_ungdc(path):
    import gzip
    import hashlib
    import json

    rows = [{"file": "RUS_77_2022.txt", "country_iso3": "RUS", "session": 77, "year": 2022, "text": "We warn."},
            {"file": "USA_77_2022.txt", "country_iso3": "USA", "session": 77, "year": 2022, "text": "We agree."}]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_keeps_the_pinned_file_and_the_loader_finds_it(server, no_local_copies, monkeypatch):
    www, base = server
    digest = _tiny_ungdc(www / datasets.UNGDC_FILE)
    monkeypatch.setitem(datasets.KNOWN_SHA256, datasets.UNGDC_FILE, digest)
    with pytest.raises(datasets.DatasetNotFound, match="datasets.download"):
        datasets.ungdc()
    monkeypatch.setenv(datasets.DATA_URL_ENV, base)
    path = datasets.download("ungdc")
    assert path == no_local_copies / datasets.UNGDC_FILE
    assert datasets.ungdc(countries="usa").documents["doc_id"].tolist() == ["USA_77_2022"]
    (www / datasets.UNGDC_FILE).unlink()
    assert datasets.download("ungdc") == path   # already there and intact: no second download


def test_a_download_that_is_not_the_pinned_file_is_not_kept(server, no_local_copies):
    www, base = server
    _tiny_ungdc(www / datasets.UNGDC_FILE)
    with pytest.raises(ValueError, match="does not match the expected c6057c65"):
        datasets.download("ungdc", url=f"{base}/{datasets.UNGDC_FILE}")
    assert not no_local_copies.exists() or not any(no_local_copies.iterdir())


@pytest.mark.parametrize("where, message", [
    ("missing.jsonl.gz", "the server answered 404"),
    (None, "Offline\\?"),
])
def test_a_failed_download_says_why_in_one_line(server, no_local_copies, where, message):
    import socket

    _, base = server
    if where is None:   # a loopback port nobody listens on
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}/{datasets.UNGDC_FILE}"
    else:
        url = f"{base}/{where}"
    with pytest.raises(datasets.DatasetNotFound, match=message):
        datasets.download("ungdc", url=url)
    assert not any(no_local_copies.glob("*"))


def test_download_needs_an_address_and_a_known_name(no_local_copies):
    with pytest.raises(datasets.DatasetNotFound, match="no address for .* Harvard Dataverse"):
        datasets.download("ungdc")
    with pytest.raises(ValueError, match="`name` value = 'ungdcc' is invalid"):
        datasets.download("ungdcc")


@pytest.mark.slow
def test_the_pinned_checksum_is_the_real_corpus(server, tmp_path, monkeypatch):
    """The shared UN corpus, served over loopback, passes its pin byte for byte."""
    import shutil

    real = need_shared("corpora", datasets.UNGDC_FILE)
    monkeypatch.setenv("TOOLKIT_DATA", str(tmp_path / "data"))
    www, base = server
    shutil.copy(real, www / datasets.UNGDC_FILE)
    assert datasets.download("ungdc", url=f"{base}/{datasets.UNGDC_FILE}").stat().st_size == real.stat().st_size


def test_declared_options_of_steps_that_do_not_run_are_left_out(tmp_path):
    assert datasets.analysis_options("sample", steps=["escalation"]) == {}
    assert cli.main(["analyze", "sample", "--out", str(tmp_path), "--workers", "1",
                     "--annotators", "escalation", "--limit", "1"]) == 0
