"""The brief as YAML: the editable truth (schema ``briefroom.brief/v1``).

`brief_to_doc` / `brief_from_doc` map the `Brief` dataclasses to plain mappings field
for field (docs/brief-schema.md); `brief_to_yaml` / `brief_from_yaml` add the text.
Loading uses a safe loader only, so a file with Python tags is refused, and so is one
with anchors or aliases (``&name`` / ``*name``): a 1 MB brief repeating an alias 400
times rendered 420 MB of Markdown at 3.1 GB RSS (`search.readers.frontmatter` refuses
them in front matter for the same reason).  Writing never emits them.  A hand-edited
file may leave out any optional field (it takes its default); a missing required field,
an unknown field, a wrong type or a citation of a source that is not listed raises
`BriefError` with one line naming the field
(``participants.theirs[0].role: expected text, got a list``).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any

import yaml

from briefs.brief_model import SCHEMA, Brief, Item, Person
from search.bidi import escape_bidi_yaml, yaml_style

HEADER = (
    "# briefroom brief (schema briefroom.brief/v1, see docs/brief-schema.md).\n"
    "# Edit freely, then run `briefroom render THIS_FILE` to update the Markdown.\n"
)


class BriefError(ValueError):
    """A brief document that cannot be used; the message names the field, in one line."""


# --------------------------------------------------------------------------- to YAML


def brief_to_doc(brief: Brief) -> dict[str, Any]:
    """The brief as plain YAML-ready data (fields in schema order; None fields left out)."""
    doc = _to_doc(brief)
    assert isinstance(doc, dict)
    return doc


def todo_count(brief: Brief) -> int:
    """How many parts of the brief are left to the author (a ``todo`` set in its document)."""

    def count(value: Any) -> int:
        if isinstance(value, dict):
            return int(bool(value.get("todo"))) + sum(count(v) for v in value.values())
        if isinstance(value, list):
            return sum(count(v) for v in value)
        return 0

    return count(brief_to_doc(brief))


def _to_doc(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is not None:
                out[f.name] = _to_doc(item)
        return out
    if isinstance(value, (tuple, list)):
        return [_to_doc(v) for v in value]
    return value


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # base chosen at run time
    """Block style, except short lists of numbers (``cite: [1, 2]``); libyaml's emitter
    when PyYAML has it (10x faster), the same safe representers either way.  A value
    given twice is written twice, never as an alias (which `brief_from_yaml` refuses)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = bool(data) and all(isinstance(v, int) and not isinstance(v, bool) for v in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


# Characters a plain or single-quoted scalar would not give back as written (YAML folds
# NEL and the Unicode line separators, normalises CR): such text is double-quoted,
# where the emitter escapes them.
_AWKWARD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Text holding a bidi control is double-quoted too, for `escape_bidi_yaml`.
    style = '"' if _AWKWARD.search(data) else yaml_style(data)
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


def doc_to_yaml(doc: dict[str, Any]) -> str:
    """YAML text of a brief document (deterministic).

    Bidi controls in its text are written as ``\\u202E`` escapes (`search.bidi`), so that
    an editor cannot show the text reordered; loading gives them back.
    """
    body = yaml.dump(
        doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
    )
    return HEADER + escape_bidi_yaml(body)


def brief_to_yaml(brief: Brief) -> str:
    """The brief as YAML text."""
    return doc_to_yaml(brief_to_doc(brief))


# --------------------------------------------------------------------------- from YAML


class _BriefLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses anchors and aliases as it meets them, before an
    alias can be expanded (libyaml's loader composes in C, out of reach of this check;
    ``yaml.safe_load`` was the pure-Python loader already)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            kind = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            sign = "*" if kind == "alias" else "&"
            raise BriefError(
                f"YAML {kind} {sign}{_one_line(str(event.anchor))[:40]} at line "
                f"{event.start_mark.line + 1}: anchors and aliases are not allowed in a brief "
                "(write the text out)"
            )
        return super().compose_node(parent, index)


def load_brief_yaml(text: str) -> Any:
    """The document in a brief's YAML text, loaded safely: no tags beyond plain YAML,
    no anchors or aliases.

    Raises:
        BriefError: not YAML, a Python tag, an anchor or an alias (one line).
    """
    try:
        return yaml.load(text, Loader=_BriefLoader)
    except yaml.constructor.ConstructorError as exc:
        tag = getattr(exc, "problem", "") or ""
        raise BriefError(
            f"not a plain YAML brief ({_one_line(tag)}): tags are not allowed"
        ) from None
    except yaml.YAMLError as exc:
        raise BriefError(f"not valid YAML: {_yaml_problem(exc)}") from None
    except RecursionError:
        raise BriefError("not a plain YAML brief: nested too deeply") from None


def brief_from_yaml(text: str) -> Brief:
    """Read a brief from YAML text (`load_brief_yaml`: no Python tags, no aliases).

    Raises:
        BriefError: not YAML, a Python tag, an anchor or alias, or a field that is
            missing, unknown or wrong.
    """
    return brief_from_doc(load_brief_yaml(text))


def brief_from_doc(doc: Any) -> Brief:
    """Validate a loaded document and build the brief.

    Raises:
        BriefError: a field is missing, unknown or of the wrong type; one line naming it.
    """
    if not isinstance(doc, dict):
        raise BriefError(f"expected a mapping with the fields of a brief, got {_kind(doc)}")
    schema = doc.get("schema")
    if schema is None:
        raise BriefError(f"schema: missing (expected {SCHEMA!r})")
    if schema != SCHEMA:
        raise BriefError(f"schema: expected {SCHEMA!r}, got {_short(schema)}")
    brief: Brief = _build(Brief, doc, "")
    _check_citations(brief)
    return brief


def _build(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise BriefError(f"{path or 'brief'}: expected a mapping, got {_kind(value)}")
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in value:
        if key not in fields:
            # A hand-typed key can be anything YAML reads ("\n", 3, a long line): quoted
            # unless it looks like a field name, so the message stays one line.
            shown = key if isinstance(key, str) and key.isidentifier() else _short(key)
            where = f"{path}.{shown}" if path else shown
            raise BriefError(f"{where}: unknown field (known: {', '.join(fields)})")
    kwargs = {}
    for name, f in fields.items():
        where = f"{path}.{name}" if path else name
        if name not in value or (value[name] is None and _optional(hints[name])):
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise BriefError(f"{where}: missing")
            continue
        kwargs[name] = _convert(hints[name], value[name], where)
    return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _convert(hint: Any, value: Any, where: str) -> Any:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, value, where)
    if origin is tuple:
        if value is None:
            return ()
        if hint is tuple[int, ...] and _is_int(value):
            value = [value]  # cite: 3
        if not isinstance(value, list):
            raise BriefError(f"{where}: expected a list, got {_kind(value)}")
        return tuple(_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, where)
    if hint is str:
        return _text(value, where)
    if hint is int:
        if not _is_int(value):
            raise BriefError(f"{where}: expected a whole number, got {_kind(value)}")
        return value
    raise BriefError(f"{where}: unsupported field type")  # pragma: no cover


def _text(value: Any, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()  # date: 2025-06-17 written without quotes
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise BriefError(f"{where}: expected text, got {_kind(value)}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_citations(brief: Brief) -> None:
    numbers = set()
    for i, ref in enumerate(brief.sources):
        if ref.n < 1 or ref.n in numbers:
            raise BriefError(f"sources[{i}].n: {ref.n} is not a new positive number")
        numbers.add(ref.n)
    for where, cite in _citations(brief, ""):
        for number in cite:
            if number not in numbers:
                raise BriefError(f"{where}.cite: no source {number} in sources")


def _citations(value: Any, path: str) -> Any:
    if isinstance(value, (Item, Person)):
        yield path, value.cite
        return
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name != "sources":
                yield from _citations(
                    getattr(value, f.name), f"{path}.{f.name}" if path else f.name
                )
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _citations(item, f"{path}[{i}]")


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return _one_line(f"{problem}{where}")
