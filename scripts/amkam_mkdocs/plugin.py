"""The site's one MkDocs adapter: it hands MkDocs' pages to the core (`amkam`) and writes back what the core
returns. All the site's logic is in the core; this file only knows MkDocs and static-i18n.

The pipeline, in the order MkDocs calls it (static-i18n runs it once per language; `building` is true during the
other languages' builds, which it starts from its own on_post_build):

1. on_config        load and check every data file once per build, and the registry against mkdocs.yml;
2. on_page_markdown render the page's markers (amkam.markers);
3. on_page_context  compute the page's view: alternates, language offer, share tags and card, structured data,
                    review date (amkam.page_view), and write the share card;
4. on_template_context
                    the 404 page's strings (it has no page of its own);
5. on_post_page     fix material's markup, inline the site's stylesheet and script, squeeze white space, then
                    check that the head carries the page's alternates and share card;
6. on_post_template keep each language's 404 page (every language's build writes the same /404.html);
7. on_post_build    once every language is built: per-language search indexes and 404 pages, the sitemap and
                    robots.txt, the open data (/api/v1/), our minified assets.

State lives on the plugin instance and is reset when a fresh build starts (not in static-i18n's nested builds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from amkam import markers, open_data, page_view, postprocess, search, seo, share
from amkam.data import SiteData, load_site_data
from amkam.errors import DataError, MarkerError

DATA_DIR = Path("assets") / "data"  # inside docs_dir
CARD_CACHE = Path(".cache") / "share-cards"  # beside mkdocs.yml


@dataclass
class _Build:
    """What one `mkdocs build` (all languages) gathers on its way to on_post_build."""
    site: SiteData
    reviewed: dict[str, str | None] = field(default_factory=dict)  # page key -> review date, for the sitemap
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its 404 page
    search_entries: dict[str, list[dict]] = field(default_factory=dict)  # language -> its search entries
    calculator_pages: set[str] = field(default_factory=set)  # src_uri of pages with a calculator
    job_ad_pages: set[str] = field(default_factory=set)  # src_uri of pages with the job-ad builder


class SitePlugin(BasePlugin):
    def __init__(self) -> None:
        self.build: _Build | None = None

    # -- helpers ------------------------------------------------------------------------------------------------

    @staticmethod
    def _i18n(config: MkDocsConfig) -> Any:
        return config.plugins["i18n"]

    def _state(self) -> _Build:
        if self.build is None:
            raise PluginError("amkam: on_config has not run")
        return self.build

    def _page(self, page: Page, config: MkDocsConfig) -> markers.PageRef:
        lang = getattr(page.file, "locale", None) or self._i18n(config).current_language
        return markers.PageRef(lang=lang, src_uri=page.file.src_uri, url=page.url)

    # -- 1. configuration -----------------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._i18n(config).building:  # static-i18n's build of another language: same data, same build
            return config
        try:
            site = load_site_data(Path(config.docs_dir) / DATA_DIR, Path(config.docs_dir))
        except DataError as error:
            raise PluginError(f"Invalid data file: {error}") from None
        problems = registry_mismatches(site, config)
        if problems:
            raise PluginError("mkdocs.yml disagrees with docs/assets/data/site.yml: " + "; ".join(problems))
        self.build = _Build(site)
        return config

    # -- 2. markers -----------------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        state = self._state()
        ref = self._page(page, config)
        try:
            rendered = markers.render_markers(markdown, ref, state.site, config.site_url)
        except (MarkerError, DataError) as error:
            raise PluginError(str(error)) from None
        if rendered.has_calculator:
            state.calculator_pages.add(ref.src_uri)
        if rendered.has_job_ad:
            state.job_ad_pages.add(ref.src_uri)
        return rendered.markdown

    # -- 3. page view ---------------------------------------------------------------------------------------------

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        state = self._state()
        ref = self._page(page, config)
        try:
            view = page_view.page_view(ref, page.meta, state.site, config.site_url,
                                       has_calculator=ref.src_uri in state.calculator_pages,
                                       has_job_ad=ref.src_uri in state.job_ad_pages)
            language = state.site.registry.language(ref.lang)
            if view.embed_of is None:  # embed pages are framed, not shared: no card (overrides/embed.html)
                share.write_card(language.site_name, view.share.title, view.share.description,
                                 Path(config.site_dir) / view.card_path,
                                 Path(config.config_file_path).parent / CARD_CACHE)
        except DataError as error:
            raise PluginError(str(error)) from None
        if view.embed_of is None:  # embed pages are noindex: not in the sitemap
            state.reviewed.setdefault(state.site.registry.key(ref.lang, ref.url), str(view.reviewed))
        context["site_page"] = view
        context["ui"] = view.ui
        context["search_base"] = self._search_base(context["base_url"], ref.lang, state)
        return context

    @staticmethod
    def _search_base(base_url: str, lang: str, state: _Build) -> str:
        """`base_url` ('..', '.', or '/' on 404 pages) moved to the language's section, where its index is."""
        root = state.site.registry.root(lang)
        return base_url.rstrip("/") + "/" + root if root else base_url

    # -- 4. the 404 page's context --------------------------------------------------------------------------------

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "404.html":
            state = self._state()
            lang = self._i18n(config).current_language
            context["site_page"] = None
            context["ui"] = state.site.ui(lang)
            context["search_base"] = self._search_base(context["base_url"], lang, state)
        return context

    # -- 5. every page's HTML -------------------------------------------------------------------------------------

    @event_priority(-200)  # after every other plugin has changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        state = self._state()
        ref = self._page(page, config)
        chrome = not state.site.registry.is_embed(state.site.registry.key(ref.lang, ref.url))
        try:
            fixes = postprocess.material_fixes(state.site.t("search_dialog", ref.lang), chrome)
            output = postprocess.apply_fixes(output, fixes, ref.src_uri)
            output = postprocess.apply_fixes(output, self._language_fixes(output, ref.lang, state, chrome),
                                             ref.src_uri)
            output = postprocess.inline_site_assets(output, Path(config.docs_dir), ref.src_uri)
            output = postprocess.align_classes(output)
        except postprocess.PostprocessError as error:
            raise PluginError(str(error)) from None
        missing = missing_head_tags(output, ref, state, config.site_url)
        if missing:
            raise PluginError(f"{ref.src_uri}: the page's head lacks {', '.join(missing)}: a theme override "
                              "(overrides/main.html, overrides/partials/share-meta.html) no longer writes it")
        return postprocess.squeeze_html(output)

    @staticmethod
    def _language_fixes(output: str, lang: str, state: _Build, chrome: bool = True) -> tuple[postprocess.Fix, ...]:
        return postprocess.language_fixes(output, state.site.t, lang, state.site.registry.codes, chrome)

    # -- 6. 404 pages ---------------------------------------------------------------------------------------------

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        state = self._state()
        lang = self._i18n(config).current_language
        try:
            output = postprocess.apply_fixes(output, postprocess.material_fixes(state.site.t("search_dialog", lang)),
                                             f"404.html ({lang})")
            output = postprocess.apply_fixes(output, self._language_fixes(output, lang, state), f"404.html ({lang})")
        except postprocess.PostprocessError as error:
            raise PluginError(str(error)) from None
        state.not_found[lang] = output
        return output

    # -- 7. once every language is built --------------------------------------------------------------------------

    @event_priority(-200)  # after static-i18n (-100), which builds the other languages inside its own post_build
    def on_post_build(self, config: MkDocsConfig) -> None:
        state = self._state()
        i18n = self._i18n(config)
        search_plugin = config.plugins["material/search"]
        if i18n.building:
            # Taken from each language's own build: static-i18n's merged index drops translated entries whose
            # title and text equal the default language's.
            state.search_entries[i18n.current_language] = list(search_plugin.search_index.entries)
            return
        registry = state.site.registry
        site_dir = Path(config.site_dir)
        others = tuple(registry.root(lang) for lang in state.search_entries)
        state.search_entries[registry.default_language] = [
            e for e in search_plugin.search_index.entries if not e["location"].startswith(others)]
        search.write_indexes(state.search_entries, search_plugin.search_index.config, registry, site_dir)
        for lang, html in state.not_found.items():
            (site_dir / registry.root(lang) / "404.html").write_text(html, encoding="utf-8")
        write_sitemaps(state, config.site_url, site_dir)
        (site_dir / "robots.txt").write_text(seo.robots(config.site_url), encoding="utf-8")
        try:
            open_data.write(state.site, config.site_url, site_dir)
        except DataError as error:
            raise PluginError(str(error)) from None
        try:
            postprocess.write_assets(Path(config.docs_dir), site_dir)
        except postprocess.PostprocessError as error:
            raise PluginError(str(error)) from None


def write_sitemaps(state: _Build, site_url: str, site_dir: Path) -> None:
    """The site's sitemap (every page in every language, with its alternates). Material's language script no
    longer needs one beside each page: site.js keeps the alternates out of its sight (see there)."""
    import gzip

    registry = state.site.registry
    text = seo.sitemap(state.reviewed, registry, site_url)
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def missing_head_tags(html: str, ref: markers.PageRef, state: _Build, site_url: str) -> list[str]:
    """The alternates and share card the core computed for the page, which its head must carry.

    Embed pages are exempt on purpose: other sites frame them, search engines must not index them, so their head
    carries `noindex` and a canonical to the full page instead, and no alternates or share card (hreflang between
    noindex pages, or a card for a page nobody shares, would only contradict the canonical). Checked as strictly."""
    registry = state.site.registry
    key = registry.key(ref.lang, ref.url)
    head = html.split("</head>", 1)[0]
    if registry.is_embed(key):
        full = seo.base_url(site_url) + registry.page_url(ref.lang, registry.embedded_page(key.rstrip("/")))
        wanted = ['<meta name="robots" content="noindex">', f'<link rel="canonical" href="{full}">']
        missing = [tag for tag in wanted if tag not in head]
        if 'rel="alternate"' in head or 'property="og:' in head:
            missing.append("no alternates or share tags (an embed page must not have them)")
        return missing
    missing = [f'<link rel="alternate" hreflang="{a.hreflang}">' for a in seo.alternates(key, registry, site_url)
               if not re.search(rf'<link rel="alternate" hreflang="{re.escape(a.hreflang)}" '
                                rf'href="{re.escape(a.href)}">', head)]
    card = seo.base_url(site_url) + share.card_path(registry.root(ref.lang), key)
    if f'<meta property="og:image" content="{card}">' not in head:
        missing.append("its share card (og:image)")
    return missing


def registry_mismatches(site: SiteData, config: MkDocsConfig) -> list[str]:
    """Where mkdocs.yml's i18n languages and theme language disagree with the registry."""
    registry = site.registry
    i18n_languages = {lang.locale: lang for lang in config.plugins["i18n"].config.languages}
    problems = []
    if list(i18n_languages) != list(registry.codes):
        problems.append(f"i18n languages are {', '.join(i18n_languages)}, the registry has {', '.join(registry.codes)}")
    if config.theme["language"] != registry.default_language:
        problems.append(f"theme.language is {config.theme['language']}")
    for language in registry.languages:
        entry = i18n_languages.get(language.code)
        if entry is None:
            continue
        is_default = language.code == registry.default_language
        expected = {"name": language.name, "default": is_default, "build": True,
                    "site_name": None if is_default else language.site_name,
                    "site_description": None if is_default else language.site_description}
        for key, value in expected.items():
            if getattr(entry, key) != value:
                problems.append(f"i18n language {language.code}: {key} is {getattr(entry, key)!r}, expected {value!r}")
        if is_default and (config.site_name, config.site_description) != (language.site_name,
                                                                           language.site_description):
            problems.append("site_name and site_description must be the default language's")
    return problems
