"""The engine's one entry point for files, ``check_path``, and the library's guards."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from consistency import check_text, engine
from consistency.config import Config, load_config
from consistency.document import Document
from consistency.errors import InputError, InternalError

WRONG = "全年收案12=3+7。\n"


def test_per_file_ignores_apply_to_the_file_checked(
    tmp_path: Path, fake_engine: object
) -> None:
    (tmp_path / "consistency.toml").write_text(
        '[per-file-ignores]\n"old/*.txt" = ["C1"]\n', encoding="utf-8"
    )
    for folder in ("old", "new"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(WRONG, encoding="utf-8")
    config = load_config(tmp_path / "consistency.toml")
    assert engine.check_path(tmp_path / "old" / "a.txt", config).findings == ()
    assert [f.code for f in engine.check_path(tmp_path / "new" / "a.txt", config).findings] == [
        "C101"
    ]
    # a document already loaded (standard input, a text handed to Dask) goes the same way
    loaded = Document(WRONG, str(tmp_path / "old" / "b.txt"))
    assert engine.check_path(loaded, config).findings == ()


def test_an_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        engine.check_path(tmp_path / "absent.txt")


def test_a_bug_becomes_an_internal_error_naming_file_and_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(document: Document, config: Config | None = None) -> None:
        return "abc"[7]  # type: ignore[return-value]

    monkeypatch.setattr(engine, "check_document", broken)
    path = tmp_path / "a.txt"
    path.write_text(WRONG, encoding="utf-8")
    with pytest.raises(InternalError) as raised:
        engine.check_path(path)
    error = raised.value
    assert error.path == str(path)
    assert error.error == "IndexError: string index out of range"
    assert "internal error IndexError" in error.problem and "not checked" in error.problem
    assert "Traceback" in error.detail and "broken" in error.detail
    # it crosses a process boundary whole
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.path, back.problem, back.detail) == (
        InternalError, error.path, error.problem, error.detail,
    )


@pytest.mark.parametrize("value", [None, b"\xe5\x85\xb1", 12])
def test_check_text_of_something_not_text_names_the_problem(value: object) -> None:
    with pytest.raises(TypeError, match=f"needs the text as a str, not {type(value).__name__}"):
        check_text(value)  # type: ignore[arg-type]


def test_checks_in_many_threads_at_once_give_what_one_thread_gives() -> None:
    from concurrent.futures import ThreadPoolExecutor

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))[:24]]
    alone = [check_text(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: check_text(t).to_dict(), texts * 2))
    assert together == alone * 2
