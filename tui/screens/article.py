"""The article reader: full text with entities highlighted, entity list, metadata."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from search.api import ArticleView, Entity, load_article, neutral_bidi
from tui.screens.base import BriefroomScreen
from tui.shown import plain_text, shown_text
from tui.widgets.article_body import ArticleBody

KIND_TITLES = {
    "country": "Countries",
    "person": "People",
    "org": "Organisations",
    "topic": "Topics",
}


DETAIL_WIDTH = 17
"""Characters of a name or a role shown in the entity panel (it is narrow)."""


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class RelatedSearch:
    """A search for stories related to an article."""

    query: str = ""
    countries: tuple[str, ...] = ()


def related_searches(countries: tuple[str, ...], people: tuple[str, ...]) -> list[RelatedSearch]:
    """What "related" tries, closest first: the article's two main countries together,
    its people, then its main country alone (the first that finds another story wins)."""
    tried: list[RelatedSearch] = []
    if len(countries) >= 2:
        tried.append(RelatedSearch(countries=countries[:2]))
    if people:
        tried.append(RelatedSearch(" OR ".join(f'person:"{name}"' for name in people[:3])))
    if countries:
        tried.append(RelatedSearch(countries=countries[:1]))
    return tried


class ArticleScreen(BriefroomScreen):
    """Reads one article; pushed over the screen it was opened from."""

    CSS_PATH = "../styles/article.tcss"
    SUB_TITLE = "Article"
    AUTO_FOCUS = "#article-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "back", "Back", id="article.back"),
        Binding("r", "related", "Related", id="article.related"),
        Binding("e", "focus_entities", "Entities", id="article.entities"),
        Binding("o", "open_url", "Open URL", show=False, id="article.open-url"),
        Binding("a", "extraction", "Extraction", id="article.extraction"),
    ]

    class Loaded(Message):
        """The article (or None: not found) arrived from the archive."""

        def __init__(self, article_id: str, view: ArticleView | None) -> None:
            self.article_id = article_id
            self.view = view
            super().__init__()

    def __init__(self, article_id: str, *, terms: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.article_id = article_id
        self.terms = terms
        self.view: ArticleView | None = None
        self._entities: list[Entity] = []

    def compose(self) -> ComposeResult:
        yield Static(id="article-meta")
        with Horizontal(id="article-main"):
            yield ArticleBody(id="article-body")
            with Vertical(id="entity-panel"):
                yield OptionList(id="entities")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-body").loading = True
        self.query_one("#entity-panel").border_title = "Entities"
        self._load(self.article_id)

    @work(thread=True, exclusive=True, group="article", name="article", exit_on_error=False)
    def _load(self, article_id: str) -> None:
        view = load_article(self.session.home, article_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(article_id, view))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.article_id != self.article_id:
            return
        body = self.query_one(ArticleBody)
        body.loading = False
        view = self.view = message.view
        if view is None:
            self.notify(f"article {self.article_id} is not in the archive", severity="error",
                        markup=False)  # fmt: skip
            self.dismiss()
            return
        article = view.article
        title_length = len(article.title) if article.title else 0
        body.show(article.text, view.mentions, title_length=title_length)
        self.query_one("#article-meta", Static).update(self._meta_text(view))
        self.sub_title = neutral_bidi(article.title or article.id)
        self._fill_entities(view)

    def _meta_text(self, view: ArticleView) -> Text:
        article = view.article
        text = Text(no_wrap=True, overflow="ellipsis")
        parts = [
            article.date or "undated",
            article.source or "unknown source",
        ]
        if article.city:
            parts.append(article.city)
        if article.copies > 1:
            parts.append(f"{article.copies} copies")
        if article.lang:
            parts.append(article.lang)
        text.append(" · ".join(" ".join(p.split()) for p in parts), style="bold")
        text.append("\n")
        text.append(f"id {article.id}", style="dim")
        if article.url:
            text.append("  ")
            text.append(article.url, style="dim underline")
        return shown_text(text)

    def _fill_entities(self, view: ArticleView) -> None:
        options = self.query_one("#entities", OptionList)
        options.clear_options()
        self._entities = list(view.entities)
        items: list[Option | None] = []
        kind = None
        for index, entity in enumerate(self._entities):
            if entity.kind != kind:
                if kind is not None:
                    items.append(None)
                kind = entity.kind
                items.append(Option(Text(KIND_TITLES.get(kind, kind), style="bold"), disabled=True))
            label = plain_text(_clip(entity.label, DETAIL_WIDTH))
            if entity.mentions:
                label.append(f" {entity.mentions}", style="dim")
            if entity.detail:
                label.append("\n  " + _clip(entity.detail, DETAIL_WIDTH), style="dim italic")
            items.append(Option(label, id=f"entity-{index}"))
        if not items:
            items.append(Option(Text("no entities found", style="dim"), disabled=True))
        options.add_options(items)

    @on(OptionList.OptionSelected, "#entities")
    def _entity_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if not option_id.startswith("entity-"):
            return
        entity = self._entities[int(option_id.removeprefix("entity-"))]
        if not self.query_one(ArticleBody).select(entity.kind, entity.key):
            self.notify(f"{entity.label}: named in the metadata only", markup=False)

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        """Back to where the article was opened from."""
        self.dismiss()

    def action_focus_entities(self) -> None:
        """Move to the entity list."""
        self.query_one("#entities").focus()

    def action_related(self) -> None:
        """Search for other stories about the same countries or people (not this one)."""
        view = self.view
        if view is None:
            return
        article = view.article
        if not article.countries and not article.people:
            self.notify("no countries or people found in this article to search for")
            return
        self._find_related(article.id, tuple(article.countries), tuple(article.people))

    class RelatedFound(Message):
        """The first related search that finds another story (None: none does)."""

        def __init__(self, article_id: str, related: RelatedSearch | None) -> None:
            self.article_id = article_id
            self.related = related
            super().__init__()

    @work(thread=True, exclusive=True, group="related", name="related", exit_on_error=False)
    def _find_related(
        self, article_id: str, countries: tuple[str, ...], people: tuple[str, ...]
    ) -> None:
        from search.api import SearchRequest, search_archive

        worker = get_current_worker()
        found = None
        for candidate in related_searches(countries, people):
            request = SearchRequest(candidate.query, candidate.countries, limit=2,
                                    as_of=self.session.as_of, snippets=False,
                                    facets=False)  # fmt: skip
            result = search_archive(self.session.home, request)
            if any(hit.id != article_id for hit in result.hits):
                found = candidate
                break
            if worker.is_cancelled:
                return
        if not worker.is_cancelled:
            self.post_message(self.RelatedFound(article_id, found))

    @on(RelatedFound)
    async def _related_found(self, message: RelatedFound) -> None:
        if message.article_id != self.article_id:
            return
        related = message.related
        if related is None:
            self.notify(
                "nothing related found: no other story shares its countries or people",
                markup=False,
            )
            return
        await self.briefroom.search_for(
            related.query, countries=related.countries, exclude=(message.article_id,)
        )

    def action_extraction(self) -> None:
        """What was extracted from this article, and the analyst's corrections of it."""
        from tui.screens.extraction import ExtractionScreen

        self.app.push_screen(ExtractionScreen(self.article_id))

    def action_open_url(self) -> None:
        """Open the article's address in the browser."""
        if self.view and self.view.article.url:
            self.app.open_url(self.view.article.url)
