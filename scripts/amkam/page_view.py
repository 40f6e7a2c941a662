"""Everything the theme shows about a page besides its content, computed in one place from the data files and
the page's front matter: UI strings, the review date, hreflang alternates, the language offer, share tags and
card, and the schema.org Occupation. The templates read it as one object, `site_page`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from . import formatting as fmt
from . import occupation, seo, share
from .data import SiteData
from .errors import DataError
from .markers import PageRef


@dataclass(frozen=True)
class LanguageOffer:
    lang: str
    href: str
    text: str


@dataclass(frozen=True)
class PageView:
    ui: dict[str, str]
    reviewed: dt.date
    reviewed_text: str
    alternates: tuple[seo.Alternate, ...]
    language_offer: tuple[LanguageOffer, ...]  # on default-language pages only
    share: share.ShareTags
    card_path: str  # site-relative path of the share card, which the adapter writes
    occupation_jsonld: Markup | None
    has_calculator: bool
    has_job_ad: bool = False
    # On an embed page (registry `embeds`): the absolute URL of the full page it shows part of, its canonical.
    # Such a page has no alternates, language offer or share card: it is framed by other sites, not indexed.
    embed_of: str | None = None


def front_matter(page: PageRef, meta: dict) -> tuple[str, str, dt.date]:
    """The page's title, description and review date; each is required."""
    try:  # a YAML loader may give a date or its ISO text
        reviewed = dt.date.fromisoformat(str(meta.get("reviewed")))
    except ValueError:
        raise DataError(f"{page.src_uri}: front matter needs 'reviewed: YYYY-MM-DD' (if it is there, the front "
                        "matter is not valid YAML: quote any value that contains ': ')") from None
    for field in ("title", "description"):
        if not meta.get(field):
            raise DataError(f"{page.src_uri}: front matter needs a localized '{field}'")
    return meta["title"], meta["description"], reviewed


def page_view(page: PageRef, meta: dict, site: SiteData, site_url: str, has_calculator: bool,
              has_job_ad: bool = False) -> PageView:
    registry = site.registry
    lang = page.lang
    title, description, reviewed = front_matter(page, meta)
    key = registry.key(lang, page.url)
    alternates = seo.alternates(key, registry, site_url)
    offer = ()
    embed_of = None
    if registry.is_embed(key):
        embed_of = seo.base_url(site_url) + registry.page_url(lang, registry.embedded_page(key.rstrip("/")))
        alternates = ()
    elif lang == registry.default_language:
        offer = tuple(LanguageOffer(a.hreflang, a.href, site.t("read_in_language", a.hreflang))
                      for a in alternates if a.hreflang not in (lang, "x-default"))
    language = registry.language(lang)
    card_path = share.card_path(registry.root(lang), key)
    tags = share.ShareTags(
        site_name=language.site_name, title=title, description=description,
        url=seo.base_url(site_url) + page.url,
        locale=language.locale,
        locale_alternates=tuple(other.locale for other in registry.languages if other.code != lang),
        image=share.Card(seo.base_url(site_url) + card_path),
        # The card shows the site name above the title: say the same to readers who cannot see it.
        image_alt=f"{language.site_name}{site.t('colon', lang)}{title}",
    )
    data = occupation.occupation(site, page.name, lang, title, description)
    return PageView(
        ui=site.ui(lang), reviewed=reviewed, reviewed_text=fmt.long_date(reviewed, language.locale),
        alternates=alternates, language_offer=offer, share=tags, card_path=card_path,
        occupation_jsonld=occupation.json_ld(data) if data else None, has_calculator=has_calculator,
        has_job_ad=has_job_ad,
        embed_of=embed_of,
    )
