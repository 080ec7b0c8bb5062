"""Partitions (claims/binding/partitions.py, data/partitions.toml): families of
categories that cannot overlap, and the lists of parts they divide."""

from __future__ import annotations

import pytest

from consistency.claims.binding import partitions as mod
from consistency.claims.binding.partitions import covered, division, partitions
from consistency.errors import DataFileError


def _family(name: str) -> mod.Partition:
    return next(p for p in partitions() if p.name == name)


def test_every_family_has_two_members_or_more_each_named() -> None:
    assert partitions()
    for p in partitions():
        assert len(p.members) >= 2 and all(p.members), p.name


def test_a_longer_word_names_its_own_member_not_the_shorter_one_inside_it() -> None:
    p = _family("通过与否")
    assert p.named("年审不予通过") == {1}
    assert p.named("予以通过") == {0}


def test_single_character_members_are_read_only_on_labels() -> None:
    p = _family("性别")
    assert p.named("男性", short=False) == frozenset()
    assert p.named("男性") == {0}


def test_outcomes_divide_the_cases_decided_not_those_received() -> None:
    labels = ["维持", "驳回", "撤销"]
    found = division(labels, "审结行政复议案件")
    assert found is not None and found.partition.name == "行政复议决定" and not found.complete
    assert division(labels, "受理行政复议申请") is None


def test_a_member_named_twice_or_an_overlapping_word_is_no_division() -> None:
    assert division(["维持原行政行为", "维持部分事项"], "审结") is None
    assert division(["维持", "纠错", "撤销"], "审结") is None


def test_one_part_may_name_two_members() -> None:
    found = division(["维持", "撤销、变更"], "审结")
    assert found is not None


def test_naming_every_member_covers_the_whole() -> None:
    labels = ["第一产业增加值", "第二产业增加值", "第三产业增加值"]
    found = division(labels, "地区生产总值")
    assert found is not None and found.complete
    assert covered(labels, "地区生产总值") is not None
    assert covered(["城镇和乡村人口", "流动人口"], "常住人口") is None


def test_the_measure_is_what_a_label_says_after_its_member() -> None:
    p = _family("三次产业")
    assert p.measure("第二产业实现增加值") == "实现增加值"
    assert p.measure_words == ("增加值",)


def test_a_malformed_table_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mod, "read_data", lambda _name: {"partition": [{"name": "x", "members": ["甲"]}]})
    mod.partitions.cache_clear()
    try:
        with pytest.raises(DataFileError, match="partition\\[0\\].members"):
            mod.partitions()
    finally:
        monkeypatch.undo()
        mod.partitions.cache_clear()
