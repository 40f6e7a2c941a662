"""mkdocs hook: expand `{{ figures KIND:NAME }}` markers with figures from docs/assets/data/figures.yml.

The data file is validated when the build starts (a bad entry stops it, naming file, entry and field);
every figure is formatted for the page's language with Babel. Marker kinds: fact, example, table, code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import formatting as fmt  # noqa: E402
from hook_templates import environment  # noqa: E402
import calculator_data  # noqa: E402
from site_data import load_figures, stop_build_on_data_error, t  # noqa: E402
from i18n_pages import page_language, language_root  # noqa: E402

MARKER = re.compile(r"\{\{\s*figures\s+([a-z_]+):([\w.\-]+)\s*\}\}")
STAT_ORDER = ("average", "median", "range", "q1", "q3", "p10", "p25", "p75", "p90", "highest", "variable_pct")

_state: dict = {}


def on_config(config):
    with stop_build_on_data_error():
        _state["data"] = load_figures()
    _state["env"] = environment(config)
    return config


def on_page_markdown(markdown, page, config, files):
    if "{{" not in markdown:
        return markdown
    context = _Context(page, config)

    def expand(match):
        kind, name = match.groups()
        handler = HANDLERS.get(kind)
        if handler is None:
            raise PluginError(f"{page.file.src_uri}: unknown figures marker kind '{kind}' in {match.group(0)}")
        return handler(context, name)

    return MARKER.sub(expand, markdown)


class _Context:
    """What a marker needs to know about the page it is expanded on."""

    def __init__(self, page, config):
        self.page = page
        self.lang = page_language(page, config)
        self.data = _state["data"]
        self.sources_url = get_relative_url(language_root(self.lang, config) + "sources/", page.url)

    def t(self, key: str) -> str:
        return t(key, self.lang)

    def fail(self, message: str) -> PluginError:
        return PluginError(f"{self.page.file.src_uri}: {message}")

    def when(self, year, source_id) -> str:
        """The year a figure refers to, else its source's publication date, else 'undated'."""
        if year:
            return str(year)
        published = source_id and self.data["sources"][source_id]["published"]
        if published:
            return f"{self.t('year_not_stated')} {published}"
        return self.t("undated")

    def render(self, template: str, **values) -> str:
        html = _state["env"].get_template(template).render(t=self.t, **values)
        # A blank line around raw HTML keeps Markdown from wrapping it in a paragraph.
        return f"\n\n{html.strip()}\n\n"


def _short_publisher(source: dict) -> str:
    return source["publisher"].split(",")[0]


def _fact(ctx: _Context, name: str) -> str:
    fact = ctx.data["facts"].get(name)
    if fact is None:
        raise ctx.fail(f"unknown fact '{name}' (facts are listed in figures.yml)")
    text = fmt.quantity(fact, ctx.lang)
    source_id = fact["source"]
    if source_id in (None, "brief"):
        return text
    source = ctx.data["sources"][source_id]
    year = fact["year"] or source["published"] or ctx.t("undated")
    return f"{text} [\\[{_short_publisher(source)}, {year}\\]](sources.md#src-{source_id}){{ .fig-src }}"


def _example(ctx: _Context, name: str) -> str:
    example = calculator_data.worked_example(ctx.data)
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


def _table(ctx: _Context, name: str) -> str:
    if name == "salaries":
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
    if name == "conventions":
        rows = []
        for code, country in ctx.data["countries"].items():
            href, source_name = _source_link(ctx, country["source"])
            payments = fmt.number(country["payments"], ctx.lang)
            if "payments_max" in country:
                payments += f" ({ctx.t('payments_up_to')} {fmt.number(country['payments_max'], ctx.lang)})"
            note = fmt.country_note(country, ctx.lang)
            rows.append({
                "code": code, "country_name": fmt.country_name(code, ctx.lang),
                "currency": f"{fmt.currency_name(country['currency'], ctx.lang)} ({country['currency']})",
                "payments": payments, "payments_raw": country["payments"],
                "quoted": ctx.t(f"quoted_{country['quoted']}"), "note": note,
                "source_href": href, "source_name": source_name,
            })
        return ctx.render("conventions.html", rows=rows)
    if name == "sources":
        rows = [{
            "id": sid, "publisher": src["publisher"], "title": src["title"], "title_lang": src["lang"],
            "date": src["published"] or ctx.t("undated"), "url": src["url"],
            "url_text": re.sub(r"^https?://(www\.)?", "", src["url"] or ""),
        } for sid, src in ctx.data["sources"].items()]
        return ctx.render("sources.html", rows=rows)
    if name == "classifications":
        rows = []
        for key, item in ctx.data["classifications"].items():
            codes = [item[k] for k in ("isco", "code") if k in item]
            if "esco_code" in item:
                codes.append(f"ESCO {item['esco_code']}")
            rows.append({"key": key, "system": item["system"], "code": " · ".join(codes),
                         "label": item["label"], "label_lang": item["lang"], "uri": item.get("uri")})
        return ctx.render("classifications.html", rows=rows)
    raise ctx.fail(f"unknown figures table '{name}'")


def _code(ctx: _Context, name: str) -> str:
    key, _, field = name.partition(".")
    item = ctx.data["classifications"].get(key)
    if item is None or field not in item:
        raise ctx.fail(f"unknown classification code '{name}'")
    return str(item[field])


HANDLERS = {"fact": _fact, "example": _example, "table": _table, "code": _code}
