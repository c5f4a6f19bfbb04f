"""The pair rule (`search.pairs`) on short stories: which pairs an article concerns."""

from __future__ import annotations

from search.extract import extract
from search.pairs import concerns_pair, country_weights, interactions

WIRE = "Reuters"
STATE = "U.S. Department of State (press releases)"


def concerns(title: str, body: str, a: str, b: str, *, source: str = WIRE) -> bool:
    ex = extract(title, body, source=source, date="1987-03-20")
    mentions = [
        (m.kind, m.key, m.span.start, m.span.end, m.span.sentence, m.how)
        for m in ex.mentions
        if m.kind == "country"
    ]
    weights = country_weights(
        mentions, ex.sentences, title=title, body=body, source=source, acts=interactions(ex)
    )
    x, y = weights.get(a), weights.get(b)
    return x is not None and y is not None and concerns_pair(x, y) and concerns_pair(y, x)


def test_a_country_named_once_as_the_other_party_of_talks() -> None:
    # Japan is the story; the United States is named once, as the party to the talks.
    body = (
        "TOKYO, March 20 - Japan agreed in talks with the U.S. to amend its laws on "
        "semiconductor dumping, Japanese officials said. Japan's trade ministry said the "
        "amendment would be put to the Diet next month. Japanese chip makers welcomed it."
    )
    assert concerns("JAPAN TO AMEND CHIP LAW", body, "JPN", "USA")


def test_a_passing_mention_is_not_the_pair() -> None:
    body = (
        "TOKYO, March 20 - Japan's industrial output rose 2.1 pct in February, the "
        "trade ministry said. Japanese output of machinery rose, and the yen fell against "
        "the U.S. dollar. Japan's ministry expects further growth."
    )
    assert not concerns("JAPAN OUTPUT RISES", body, "JPN", "USA")


def test_the_publisher_is_not_attention_for_acting_together() -> None:
    # A long State Department release naming the United States often: its one line on
    # Vietnam acting with it is rule 2's business (a short release), not rule 3's.
    body = (
        "The United States welcomes the progress made this year. The United States and "
        "Vietnam held talks on trade in 2019. The United States remains committed to its "
        "partners. "
        + " ".join(f"Sentence {n} is about the Department's budget and staff." for n in range(25))
    )
    assert not concerns("Budget Request", body, "USA", "VNM", source=STATE)
    # The same lines in a wire story about the United States: the pair acts together.
    assert concerns("U.S. TRADE", body.split(" Sentence 0")[0], "USA", "VNM")


def test_a_forums_members_do_not_act_together_as_a_pair() -> None:
    # reuters21578-17906: "the Venice summit" is the G7's seven; an article on West German
    # figures naming the United States once is no story of the two.
    body = (
        "WIESBADEN, June 2 - West German GNP figures will be published later than planned, "
        "the statistics office said. West German officials said the figures would come out "
        "after the Venice summit. West Germany's output grew. The U.S. dollar fell."
    )
    ex = extract("GERMAN GNP FIGURES DELAYED", body, source=WIRE, date="1987-06-02")
    assert all(len(set(group)) <= 3 for group in interactions(ex))
    assert not concerns("GERMAN GNP FIGURES DELAYED", body, "BRD", "USA")
