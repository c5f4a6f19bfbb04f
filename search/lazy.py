"""Re-exports imported on first use (PEP 562), for the modules other packages import
often but use a little of (`search.api`, `briefs.api`, `search.ingest`): importing them
stays cheap, so the app's first paint does not wait for Whoosh, dateparser or the
gazetteer."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def lazy_exports(
    namespace: dict[str, Any], exports: Mapping[str, Iterable[str]]
) -> tuple[dict[str, str], Callable[[str], Any], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` for the names ``exports`` lists by module.

    Args:
        namespace: The re-exporting module's ``globals()``: a name looked up once is
            stored there, so later look-ups are plain attribute reads.
        exports: Module path -> the names re-exported from it.

    Returns:
        ``(module_of, __getattr__, __dir__)``: which module each name comes from, and the
        two module-level functions to assign.
    """
    module_of = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *module_of})

    return module_of, __getattr__, __dir__
