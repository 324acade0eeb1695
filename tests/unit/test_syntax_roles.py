"""Parse helpers of :mod:`eventwire.coding.syntax` on short synthetic sentences."""

from __future__ import annotations

import pytest
from spans import texts, token

from eventwire.coding import syntax


def test_participle_of_means_is_done_by_the_main_subject(parse):
    doc = parse("The army violated the ceasefire by shelling the village.")
    assert texts(syntax.subjects(token(doc, "shelling"))) == ["army"]


@pytest.mark.parametrize(("sentence", "verb", "doer"), [
    ("The committee condemned Vietnam for executing prisoners.", "executing", "Vietnam"),
    ("The court accused the minister of stealing public funds.", "stealing", "minister"),
])
def test_participle_after_for_or_of_is_done_by_the_object(parse, sentence, verb, doer):
    doc = parse(sentence)
    assert texts(syntax.subjects(token(doc, verb))) == [doer]


def test_display_phrase_keeps_of_owner_but_not_an_of_clause(parse):
    doc = parse("The court accused the minister of stealing public funds.")
    assert syntax.display_phrase(token(doc, "minister")).text == "minister"
    doc = parse("The minister of defence resigned.")
    assert syntax.phrase(token(doc, "minister")).text == "minister of defence"


def test_dateline_is_cut_from_a_phrase(parse):
    doc = parse("PARIS (Reuters) - Fighters loyal to the president arrested his rival.")
    assert not syntax.phrase(token(doc, "Fighters")).text.startswith("PARIS")


@pytest.mark.parametrize(("sentence", "head", "second"), [
    ("UK and EU negotiators agreed a deal.", "negotiators", "EU"),
    ("British and French ministers met in Paris.", "ministers", "French"),
    ("The armies of Brazil and Argentina held joint exercises.", "armies", "Argentina"),
])
def test_modifier_conjuncts_name_the_second_side(parse, sentence, head, second):
    doc = parse(sentence)
    assert texts(syntax.modifier_conjuncts(token(doc, head))) == [second]


def test_single_modifier_has_no_second_side(parse):
    doc = parse("Russian warplanes bombed the town.")
    assert syntax.modifier_conjuncts(token(doc, "warplanes")) == []


def test_acronym_common_noun_is_an_actor_token(parse):
    doc = parse("UNHCR returned the documents.")
    assert syntax.is_actor_token(token(doc, "UNHCR"))
    assert not syntax.is_actor_token(token(doc, "documents"))


def test_part_of_reads_through_to_the_whole(parse):
    doc = parse("The government suspended part of the aid program.")
    assert texts(syntax.direct_objects(token(doc, "suspended"))) == ["program"]


def test_noun_object_beats_a_mistagged_one(parse):
    doc = parse("Erdogan will meet his counterpart Italian President Sergio Mattarella in Rome.")
    objects = syntax.direct_objects(token(doc, "meet"))
    assert objects and objects[0].pos_ in ("NOUN", "PROPN")


def test_possessive_conjunct_is_the_second_side(parse):
    doc = parse("Russia and Turkey's foreign ministers met briefly today.")
    assert texts(syntax.modifier_conjuncts(token(doc, "ministers"))) in (["Turkey"], ["Russia"])
