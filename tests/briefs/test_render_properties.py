"""Property tests: any brief document round-trips through YAML and renders, deterministically;
any hand edit either renders or fails with one line naming the field."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefs.brief_model import (
    SCHEMA,
    Brief,
    Commitments,
    Issue,
    Issues,
    Item,
    MeetingInfo,
    Participants,
    Person,
    Prepared,
    Profile,
    Section,
    SourceRef,
)
from briefs.docx_export import build_docx, docx_text
from briefs.render import (
    BriefError,
    brief_from_yaml,
    brief_to_doc,
    brief_to_yaml,
    render_markdown,
)

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

text = st.text(max_size=40)
maybe = st.none() | text
codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    n_sources = draw(st.integers(0, 4))
    cites = st.lists(st.integers(1, n_sources), max_size=3).map(tuple) if n_sources else st.just(())
    items = st.lists(st.builds(Item, text, cites, maybe, maybe), max_size=3).map(tuple)
    section = st.builds(Section, items, maybe, maybe)
    people = st.lists(st.builds(Person, text, maybe, maybe, cites, maybe), max_size=2).map(tuple)
    sources = tuple(
        SourceRef(n, draw(text), draw(text), draw(text), draw(maybe), draw(maybe), draw(maybe))
        for n in range(1, n_sources + 1)
    )
    return Brief(
        schema=SCHEMA,
        title=draw(text),
        meeting=draw(
            st.builds(
                MeetingInfo,
                codes,
                text,
                codes,
                text,
                st.none() | st.dates().map(date_text) | text,
                maybe,
                maybe,
                maybe,
                st.lists(text, max_size=2).map(tuple),
            )
        ),
        prepared=draw(
            st.builds(
                Prepared,
                st.dates().map(date_text),
                text,
                st.integers(0, 10**6),
                st.integers(0, 10**6),
                maybe,
                maybe,
            )
        ),
        glance=draw(section),
        purpose=draw(section),
        participants=draw(st.builds(Participants, people, people, maybe, maybe)),
        background=draw(section),
        counterpart=draw(st.none() | st.builds(Profile, items, people, items, maybe, maybe)),
        engagements=draw(section),
        issues=draw(
            st.builds(
                Issues,
                st.lists(st.builds(Issue, text, items, items, maybe), max_size=2).map(tuple),
                maybe,
                maybe,
            )
        ),
        asks=draw(section),
        commitments=draw(st.builds(Commitments, items, items, items, items, maybe, maybe)),
        sensitivities=draw(section),
        sources=sources,
        caveats=tuple(draw(st.lists(text, max_size=3))),
    )


def date_text(day: Any) -> str:
    return day.isoformat()


@pytest.mark.slow  # about 13 s: 50 whole briefs rendered to YAML, Markdown and Word
@SETTINGS
@given(briefs())
def test_yaml_round_trip_and_deterministic_render(brief: Brief) -> None:
    doc = brief_to_doc(brief)
    dumped = brief_to_yaml(brief)
    assert yaml.safe_load(dumped) == doc
    assert brief_from_yaml(dumped) == brief
    first = render_markdown(brief)
    assert render_markdown(brief) == first
    assert render_markdown(brief_from_yaml(dumped)) == first
    assert brief_to_yaml(brief_from_yaml(dumped)) == dumped
    assert docx_text(build_docx(brief_from_yaml(dumped))) == docx_text(build_docx(brief))


scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text | st.dates()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


@pytest.mark.slow  # over 2 s: 50 generated briefs, each edited and rendered
@SETTINGS
@given(briefs(), st.data())
def test_hand_edits_render_or_fail_in_one_line(brief: Brief, data: st.DataObject) -> None:
    doc = copy.deepcopy(brief_to_doc(brief))
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["delete", "replace", "add"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = data.draw(values)
        elif isinstance(parent, dict):
            parent[data.draw(text)] = data.draw(values)
    dumped = yaml.safe_dump(doc, allow_unicode=True)
    try:
        edited = brief_from_yaml(dumped)
    except BriefError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    markdown = render_markdown(edited)
    assert markdown.endswith("\n")
    assert build_docx(edited)  # Word export never raises on what renders
