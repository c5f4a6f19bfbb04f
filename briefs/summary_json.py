"""Plain-data forms of pair summaries and country profiles (``--json`` and ``--yaml``).

The keys are stable and documented in docs/relations.md; add keys, never rename or
remove them (bump the ``schema`` version if that ever has to happen).  Every listed
article and every citation carries ``id``, ``title``, ``date``, ``source`` and
``countries`` (ISO alpha-3), like every JSON article (docs/architecture.md, "Search").
"""

from __future__ import annotations

from typing import Any

import yaml

from briefs.engagements import Engagement
from briefs.evidence import Source
from briefs.relations import (
    ArticleRef,
    CommitmentEntry,
    CountryProfile,
    EventEntry,
    PairSummary,
    PersonSeen,
    Window,
)
from search.bidi import escape_bidi_yaml, yaml_style
from search.extract.countries import country_name

PAIR_SCHEMA = "briefroom.pair/v1"
COUNTRY_SCHEMA = "briefroom.country/v1"


class _Dumper(yaml.SafeDumper):
    """Safe YAML; strings holding Unicode line breaks or bidi controls are double-quoted
    so they survive (and the controls can be escaped)."""


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    # PyYAML writes NEL/LS/PS raw in plain and single-quoted scalars, where a reader
    # then folds them into spaces; double quotes escape them (\N, \L, \P).
    style = '"' if any(c in data for c in "\x85\u2028\u2029") else yaml_style(data)
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def to_yaml(doc: dict[str, Any]) -> str:
    """A document as YAML that ``yaml.safe_load`` reads back unchanged.

    Bidi controls are written as ``\\u202E`` escapes (`search.bidi`): raw, they would
    reorder the text around them in a viewer.
    """
    text = yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return escape_bidi_yaml(text)


def pair_to_dict(summary: PairSummary) -> dict[str, Any]:
    """The JSON/YAML document of a pair summary."""
    s = summary
    return {
        "schema": PAIR_SCHEMA,
        "a": _country(s.a),
        "b": _country(s.b),
        "window": _window(s.window),
        "counts": {
            "articles": len(s.articles),
            "stories": s.stories,
            "undated": s.undated,
            "publishers": len(s.sources),
            "engagements": max(s.engagements_total, len(s.engagements)),
            "engagements_listed": len(s.engagements),
            "planned": len(s.planned),
            "commitments": max(s.commitments_total, len(s.commitments)),
            "commitments_listed": len(s.commitments),
        },
        "first_date": s.first_date,
        "last_date": s.last_date,
        "articles": [article(r) for r in s.article_refs],
        "monthly_volume": [{"month": m, "stories": n} for m, n in s.monthly_volume],
        "engagements": [engagement(e) for e in s.engagements],
        "event_counts": [
            {"type": c.type, "count": c.count, "mean_score": c.mean_score} for c in s.event_counts
        ],
        "cooperation_by_quarter": [
            {"quarter": q, "mean_score": score, "events": n}
            for q, score, n in s.cooperation_by_quarter
        ],
        "people": {side: [person(p) for p in s.people.get(side, ())] for side in (s.a, s.b)},
        "organisations": [{"name": k, "stories": n} for k, n in s.orgs],
        "topics": [{"topic": k, "stories": n} for k, n in s.topics],
        "commitments": [commitment(c) for c in s.commitments],
        "latest": [citation(x) for x in s.latest],
        "publishers": [{"name": k, "articles": n} for k, n in s.sources],
        "caveats": list(s.caveats),
        # Added keys go last: the order of the existing ones is part of the contract.
        "planned": [engagement(e) for e in s.planned],
    }


def profile_to_dict(profile: CountryProfile) -> dict[str, Any]:
    """The JSON/YAML document of a country profile."""
    p = profile
    return {
        "schema": COUNTRY_SCHEMA,
        "country": _country(p.code),
        "window": _window(p.window),
        "counts": {
            "articles": p.articles,
            "stories": p.stories,
            "undated": p.undated,
            "publishers": len(p.sources),
        },
        "first_date": p.first_date,
        "last_date": p.last_date,
        "monthly_volume": [{"month": m, "stories": n} for m, n in p.monthly_volume],
        "partners": [{**_country(c), "stories": n} for c, n in p.partners],
        "people": [person(x) for x in p.people],
        "topics": [{"topic": k, "stories": n} for k, n in p.topics],
        "organisations": [{"name": k, "stories": n} for k, n in p.orgs],
        "recent_events": [event(e) for e in p.recent_events],
        "latest": [citation(x) for x in p.latest],
        "publishers": [{"name": k, "articles": n} for k, n in p.sources],
        "caveats": list(p.caveats),
    }


# --------------------------------------------------------------------------- parts


def article(ref: ArticleRef) -> dict[str, Any]:
    """A listed article."""
    return {
        "id": ref.id,
        "title": ref.title,
        "date": ref.date,
        "source": ref.source,
        "countries": list(ref.countries),
        "url": ref.url,
    }


def citation(source: Source) -> dict[str, Any]:
    """A cited sentence with its article's fields."""
    return {
        "id": source.article,
        "title": source.title,
        "date": source.date,
        "source": source.source,
        "countries": list(source.countries),
        "url": source.url,
        "sentence": source.sentence,
    }


def engagement(e: Engagement) -> dict[str, Any]:
    """One ledger entry."""
    return {
        "date": e.date,
        "type": e.type,
        "status": e.status,
        "place": e.place,
        "sides": list(e.sides),
        "by_analyst": e.by_analyst,
        "participants": {
            side: [{"name": name, "role": e.roles.get(name)} for name in names]
            for side, names in e.participants.items()
        },
        "topics": list(e.topics),
        "articles": list(e.articles),
        "sources": [citation(x) for x in e.sources],
    }


def person(p: PersonSeen) -> dict[str, Any]:
    """A person with their latest role."""
    return {
        "name": p.name,
        "country": p.country,
        "role": p.role,
        "last_seen": p.last_seen,
        "articles": p.articles,
        "aliases": list(p.aliases),
        "source": citation(p.source),
    }


def commitment(c: CommitmentEntry) -> dict[str, Any]:
    """A register entry."""
    return {
        "kind": c.kind,
        "status": c.status,
        "side": list(c.side),
        "parties": list(c.parties),
        "summary": c.summary,
        "date": c.date,
        "source": citation(c.source),
    }


def event(e: EventEntry) -> dict[str, Any]:
    """A coded event."""
    return {
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "score": e.score,
        "actors": list(e.actors),
        "date": e.date,
        "place": e.place,
        "historical": e.historical,
        "source": citation(e.source),
    }


def _country(code: str) -> dict[str, str]:
    return {"code": code, "name": country_name(code)}


def _window(window: Window) -> dict[str, str | None]:
    return {
        "since": window.since.isoformat() if window.since else None,
        "until": window.until.isoformat() if window.until else None,
    }
