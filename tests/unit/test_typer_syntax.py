"""Parse features the typer reads: what the main verb did to what, negation and modality."""

from __future__ import annotations

from eventwire.coding.typer_syntax import syntax_features


def features(pipeline, text: str) -> set[str]:
    return set(syntax_features(pipeline.nlp(text)).split())


def test_main_verb_its_object_and_subject_kind(pipeline) -> None:
    got = features(pipeline, "Russian troops shelled the village on Monday.")
    assert {"v_shell", "root_shell", "vo_shell_village", "vp_shell_on_monday"} <= got
    assert any(f.startswith("s_nsubj_") for f in got)


def test_negation_and_modality_are_marked_on_the_verb(pipeline) -> None:
    negated = features(pipeline, "The government did not sign the agreement.")
    assert "v_sign_neg" in negated and "v_sign" not in negated
    assert "vo_sign_neg_agreement" in negated
    modal = features(pipeline, "The rebels could attack the base.")
    assert "mod_attack" in modal and "vo_attack_base" in modal


def test_same_words_different_structure_differ(pipeline) -> None:
    a = features(pipeline, "Police arrested the protesters after the march.")
    b = features(pipeline, "The protesters marched after police arrests.")
    assert "vo_arrest_protester" in a
    assert "root_march" in b and "vo_arrest_protester" not in b


def test_empty_text_and_a_verbless_fragment(pipeline) -> None:
    assert syntax_features(pipeline.nlp("")) == ""
    fragment = syntax_features(pipeline.nlp("Heavy rain.")).split()
    assert len(fragment) == 2 and fragment[0].startswith("v_") and fragment[1].startswith("root_")
