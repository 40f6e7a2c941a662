"""Every marker a page may hold, rendered for the page's language:

- `{{ figures KIND:NAME }}`: a fact, the worked example, a table or a classification code from figures.yml;
  a fact renders its value only, in the form the sentence needs (`fact`: compact, '10–30 %', '3–5';
  `fact_from`: 'de 10 à 30 %', 'from 10 to 30%', 'del 10 % al 30 %'; `fact_between`: 'entre 10 et 30 %',
  'entre el 10 % y el 30 %'), and `cite:NAME` renders its source and date as a link to the sources page, placed by
  the page at the end of the clause or sentence, never between a number and its noun;
- `{{ glossary }}`: the glossary, one `###` term per entry, with the same id in every language;
- `{{ calculator form|examples|parameters }}`: the salary calculator (calculator.py).

Anything else between `{{` and `}}` is a typo and raises MarkerError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

from . import calculator, collation
from . import formatting as fmt
from .data import ILLUSTRATION, SiteData
from .errors import MarkerError
from .templates import render
from .urls import relative_url

FIGURES = re.compile(r"\{\{\s*figures\s+([a-z_]+):([\w.\-]+)\s*\}\}")
GLOSSARY = re.compile(r"\{\{\s*glossary\s*\}\}")
CALCULATOR = re.compile(r"\{\{\s*calculator\s+(\w+)\s*\}\}")
LEFTOVER = re.compile(r"\{\{.*?\}\}")
STAT_ORDER = ("average", "median", "range", "q1", "q3", "p10", "p25", "p75", "p90", "highest", "variable_pct")


@dataclass(frozen=True)
class PageRef:
    """What the core needs to know of a page: its language, source file and site-relative URL."""
    lang: str
    src_uri: str  # fr/compensation.md
    url: str  # fr/compensation/

    @property
    def name(self) -> str:
        """The page's file name without extension, the same in every language: 'compensation'."""
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")


@dataclass(frozen=True)
class Rendered:
    markdown: str
    has_calculator: bool


def render_markers(markdown: str, page: PageRef, site: SiteData) -> Rendered:
    """The page's Markdown with every marker replaced; raises MarkerError on an unknown one."""
    has_calculator = bool(CALCULATOR.search(markdown))
    if "{{" in markdown:
        ctx = _Context(page, site)
        markdown = FIGURES.sub(lambda m: _figure(ctx, *m.groups()), markdown)
        markdown = GLOSSARY.sub(lambda m: _glossary(ctx), markdown)
        markdown = CALCULATOR.sub(lambda m: _calculator(ctx, m.group(1)), markdown)
        leftover = LEFTOVER.search(markdown)
        if leftover:
            raise MarkerError(f"{page.src_uri}: unknown marker {leftover.group(0)}")
    return Rendered(markdown, has_calculator)


class _Context:
    """What a marker needs to know about the page it is expanded on."""

    def __init__(self, page: PageRef, site: SiteData):
        self.page = page
        self.lang = page.lang
        self.locale = site.registry.language(page.lang).locale
        self.site = site
        self.data = site.figures
        self.sources_url = relative_url(site.registry.root(page.lang) + "sources/", page.url)

    def t(self, key: str) -> str:
        return self.site.t(key, self.lang)

    def fail(self, message: str) -> MarkerError:
        return MarkerError(f"{self.page.src_uri}: {message}")

    def when(self, year, source_id) -> str:
        """The year a figure refers to, else its source's publication date, else 'undated'."""
        if year:
            return str(year)
        published = source_id and self.data["sources"][source_id]["published"]
        if published:
            return f"{self.t('year_not_stated')} {fmt.published(published, self.locale)}"
        return self.t("undated")

    def render(self, template: str, **values) -> str:
        html = render(template, t=self.t, **values)
        # A blank line around raw HTML keeps Markdown from wrapping it in a paragraph.
        return f"\n\n{html.strip()}\n\n"


def _figure(ctx: _Context, kind: str, name: str) -> str:
    handler = FIGURE_KINDS.get(kind)
    if handler is None:
        raise ctx.fail(f"unknown figures marker kind '{kind}' in {{{{ figures {kind}:{name} }}}}")
    return handler(ctx, name)


def _short_publisher(source: dict) -> str:
    return source["publisher"].split(",")[0]


def _fact_data(ctx: _Context, name: str) -> dict:
    fact = ctx.data["facts"].get(name)
    if fact is None:
        raise ctx.fail(f"unknown fact '{name}' (facts are listed in figures.yml)")
    return fact


def _fact_in(form: str | None):
    """The value of a fact; a range in the sentence form `form` (a strings.yml key, per kind of figure)."""
    def render_fact(ctx: _Context, name: str) -> str:
        fact = _fact_data(ctx, name)
        if form is None or "low" not in fact:
            return fmt.quantity(fact, ctx.lang)
        key = f"{form}_percent" if fact["type"] == "percent" else form
        return fmt.quantity(fact, ctx.lang, ctx.t(key))
    return render_fact


def _cite(ctx: _Context, name: str) -> str:
    """A fact's source and date, '[KEDGE, undated]', linked to the sources page; empty for illustrations."""
    fact = _fact_data(ctx, name)
    source_id = fact["source"]
    if source_id in (None, ILLUSTRATION):
        return ""
    source = ctx.data["sources"][source_id]
    when = fact["year"] or source["published"]
    when = fmt.published(when, ctx.locale) if when else ctx.t("undated")
    return f"[\\[{_short_publisher(source)}, {when}\\]](sources.md#src-{source_id}){{ .fig-src }}"


def _example(ctx: _Context, name: str) -> str:
    example = calculator.worked_example(ctx.data)
    if name in ("base", "variable", "total"):
        return fmt.amount(example[name], example["currency"], ctx.lang)
    if name in ("variable_pct", "achievement"):
        return fmt.percent(example[name], ctx.lang)
    raise ctx.fail(f"unknown worked-example field '{name}'")


def _stats(ctx: _Context, row: dict) -> list[dict]:
    stats = dict(row["stats"])
    if "low" in stats:
        stats["range"] = (stats.pop("low"), stats.pop("high"))
    out = []
    for key in STAT_ORDER:
        if key not in stats:
            continue
        value = stats[key]
        if key == "variable_pct":
            text = fmt.percent(value, ctx.lang)
        elif key == "range":
            text = fmt.quantity({"type": "amount", "currency": row["currency"], "low": value[0], "high": value[1]},
                                ctx.lang)
        else:
            text = fmt.amount(value, row["currency"], ctx.lang)
        out.append({"key": key, "label": ctx.t(f"stat_{key}"), "text": text})
    return out


def _source_link(ctx: _Context, source_id):
    if source_id is None:
        return None, None
    return f"{ctx.sources_url}#src-{source_id}", _short_publisher(ctx.data["sources"][source_id])


def _salaries_table(ctx: _Context) -> str:
    rows = []
    for row in ctx.data["salaries"]:
        href, source_name = _source_link(ctx, row["source"])
        rows.append({
            "id": row["id"], "country": row["country"],
            "country_name": fmt.country_name(row["country"], ctx.lang),
            "label": row["label"][ctx.lang], "stats": _stats(ctx, row),
            "covers": ctx.t(f"covers_{row['covers']}"), "period": ctx.t(f"period_{row['period']}"),
            "year": ctx.when(row["year"], row["source"]),
            "kam": ctx.t("answer_yes" if row["kam_specific"] else "answer_no"),
            "source_href": href, "source_name": source_name,
        })
    return ctx.render("salaries.html", rows=rows)


def _conventions_table(ctx: _Context) -> str:
    rows = []
    for code, country in ctx.data["countries"].items():
        href, source_name = _source_link(ctx, country["source"])
        payments = fmt.number(country["payments"], ctx.lang)
        if "payments_max" in country:
            payments += f" ({ctx.t('payments_up_to')} {fmt.number(country['payments_max'], ctx.lang)})"
        rows.append({
            "code": code, "country_name": fmt.country_name(code, ctx.lang),
            "currency": f"{fmt.currency_name(country['currency'], ctx.lang)} ({country['currency']})",
            "payments": payments, "payments_raw": country["payments"],
            "quoted": ctx.t(f"quoted_{country['quoted']}"), "note": fmt.country_note(country, ctx.lang),
            "source_href": href, "source_name": source_name,
        })
    return ctx.render("conventions.html", rows=rows)


def _sources_table(ctx: _Context) -> str:
    rows = [{
        "id": sid, "publisher": src["publisher"], "title": src["title"], "title_lang": src["lang"],
        "date": fmt.published(src["published"], ctx.locale) if src["published"] else ctx.t("undated"),
        "datetime": str(src["published"]) if src["published"] else None, "url": src["url"],
        "url_text": re.sub(r"^https?://(www\.)?", "", src["url"] or ""),
    } for sid, src in ctx.data["sources"].items()]
    return ctx.render("sources.html", rows=rows)


def _classifications_table(ctx: _Context) -> str:
    rows = []
    for key, item in ctx.data["classifications"].items():
        codes = [item[k] for k in ("isco", "code") if k in item]
        if "esco_code" in item:
            codes.append(f"ESCO {item['esco_code']}")
        rows.append({"key": key, "system": item["system"], "code": " · ".join(codes),
                     "label": item["label"], "label_lang": item["lang"], "uri": item.get("uri")})
    return ctx.render("classifications.html", rows=rows)


TABLES = {"salaries": _salaries_table, "conventions": _conventions_table, "sources": _sources_table,
          "classifications": _classifications_table}


def _table(ctx: _Context, name: str) -> str:
    if name not in TABLES:
        raise ctx.fail(f"unknown figures table '{name}'")
    return TABLES[name](ctx)


def _code(ctx: _Context, name: str) -> str:
    key, _, field = name.partition(".")
    item = ctx.data["classifications"].get(key)
    if item is None or field not in item:
        raise ctx.fail(f"unknown classification code '{name}'")
    return str(item[field])


FIGURE_KINDS = {"fact": _fact_in(None), "fact_from": _fact_in("range_from"), "fact_between": _fact_in("range_between"),
                "cite": _cite, "example": _example, "table": _table, "code": _code}


def _glossary(ctx: _Context) -> str:
    lang = ctx.lang
    names = Locale.parse(lang).languages
    others = [{"code": x, "name": names[x]} for x in ctx.site.registry.codes if x != lang]
    by_name = collation.sort_key(ctx.site.registry.language(lang).locale)  # Czech "ch" after "h"
    terms = sorted(ctx.site.glossary["terms"], key=lambda term: by_name(term["term"][lang]))
    return render("glossary.md", terms=terms, lang=lang, others=others,
                  label=ctx.t("glossary_other_languages") + ctx.t("colon").rstrip())


def _calculator(ctx: _Context, part: str) -> str:
    renderer = calculator.RENDERERS.get(part)
    if renderer is None:
        raise ctx.fail(f"unknown calculator marker '{part}'")
    html = renderer(ctx.site, ctx.lang)
    html = "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block for Markdown
    return f"\n\n{html}\n\n"
