"""The analysis scorer's matching (bench/analysis_eval.py): a fair pairing of predictions
with labels, which must not depend on their order."""

from __future__ import annotations

from tests.bench_scripts import load

scorer = load("analysis_eval")


def _meeting(*met: str) -> dict[str, object]:
    return {
        "type": "meeting",
        "status": "main",
        "date": "2022-06-08",
        "countries": ["USA", "KOR"],
        "participants": {"USA": ["Wendy Sherman"], "KOR": list(met)},
    }


def test_two_meetings_held_separately_pair_with_their_own_labels() -> None:
    predicted = [_meeting("Kwon Young-se"), _meeting("Kim Ki-woong")]
    labels = [_meeting("Kwon Young-se"), _meeting("Kim Ki-woong")]
    for gold in (labels, labels[::-1]):
        pairs = scorer.match_engagements(predicted, gold)
        assert len(pairs) == 2
        for p_index, g_index in pairs:
            assert predicted[p_index]["participants"] == gold[g_index]["participants"]


def test_a_prediction_of_another_type_or_date_does_not_match() -> None:
    gold = [_meeting("Kwon Young-se")]
    call = {**_meeting("Kwon Young-se"), "type": "call"}
    later = {**_meeting("Kwon Young-se"), "date": "2022-06-09"}
    assert scorer.match_engagements([call, later], gold) == []


def test_an_international_organisations_name_before_the_office_is_scored_as_the_side() -> None:
    # As its acronym already was ("NATO Secretary General"): the labels write the
    # organisation as the official's side ("org: WHO"), like a country word.
    assert scorer.fold_role("World Health Organization (WHO) Director-General") == (
        "director general"
    )
    assert scorer.fold_role("UN World Food Program (WFP) Executive Director") == (
        "executive director"
    )
    assert scorer.fold_role("European Community Development Commissioner") == (
        "development commissioner"
    )
    # A national office keeps its department; an organisation alone stays a role.
    assert scorer.fold_role("State Department spokesperson") == "state department spokesperson"
    assert scorer.fold_role("European Union") == "european union"


def test_a_role_matches_as_written_or_whole_and_each_is_counted_alone() -> None:
    # "Secretary Blinken": the product writes "Secretary" and shows "Secretary of State";
    # one reader labels the first, another the second.
    predicted = [
        {"name": "Antony J. Blinken", "role": "Secretary of State", "written_role": "Secretary"}
    ]
    for label, written, whole in (("Secretary", 1, 0), ("Secretary of State", 0, 1)):
        t = scorer.Tally()
        gold = [{"name": "Antony J. Blinken", "role": label, "country": "USA"}]
        scorer.score_people(t, "a", predicted, gold)
        assert (t.n["people.role_ok"], t.n["people.written_role_ok"]) == (1, written)
        assert t.n["people.whole_role_ok"] == whole
    t = scorer.Tally()
    gold = [{"name": "Antony J. Blinken", "role": "Deputy Secretary", "country": "USA"}]
    scorer.score_people(t, "a", predicted, gold)
    assert t.n["people.role_ok"] == 0 and any("role of" in e for e in t.errors)
