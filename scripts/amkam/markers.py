"""Every marker a page may hold, rendered for the page's language:

- `{{ figures KIND:NAME }}`: a fact, the worked example, a table or a classification code from figures.yml;
  a fact renders its value only, in the form the sentence needs (`fact`: compact, '10–30 %', '3–5';
  `fact_from`: 'de 10 à 30 %', 'from 10 to 30%', 'del 10 % al 30 %'; `fact_between`: 'entre 10 et 30 %',
  'entre el 10 % y el 30 %'), and `cite:NAME` renders its source and date as a link to the sources page, placed by
  the page at the end of the clause or sentence, never between a number and its noun;
- `{{ glossary }}`: the glossary, one `###` term per entry, with the same id in every language;
- `{{ calculator form|examples|parameters }}`: the salary calculator (calculator.py); `{{ calculator embed }}`:
  the snippet that embeds it in another site (embed.py), which needs the site's address (`site_url`).
- `{{ jobad form|levels|rules|parameters }}`: the job-ad builder (job_ad.py).
- `{{ open_data files|schemas|licence|reviewed|path }}`: the open data's files, schemas and licence (open_data.py).
- `{{ rolesheet PAGE:PART }}`: one part of an occupation's role sheet (occupations.yml, PAGE its occupation page):
  summary, responsibilities, skills, requirements, codes, pay (a country picker) or print (the print button).

Anything else between `{{` and `}}` is a typo and raises MarkerError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale
from markupsafe import escape

from . import calculator, collation, embed, job_ad, open_data, pay
from . import formatting as fmt
from .data import ILLUSTRATION, SiteData
from .errors import MarkerError
from .templates import render
from .urls import relative_url

FIGURES = re.compile(r"\{\{\s*figures\s+([a-z_]+):([\w.\-]+)\s*\}\}")
GLOSSARY = re.compile(r"\{\{\s*glossary\s*\}\}")
CALCULATOR = re.compile(r"\{\{\s*calculator\s+(\w+)\s*\}\}")
JOBAD = re.compile(r"\{\{\s*jobad\s+(\w+)\s*\}\}")
OPEN_DATA = re.compile(r"\{\{\s*open_data\s+(\w+)\s*\}\}")
ROLESHEET = re.compile(r"\{\{\s*rolesheet\s+([a-z0-9-]+):(\w+)\s*\}\}")
LEFTOVER = re.compile(r"\{\{.*?\}\}")
STAT_ORDER = ("average", "median", "range", "q1", "q3", "p10", "p25", "p75", "p90", "highest", "variable_pct",
              "actual_bonus_pct")


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
    has_job_ad: bool = False


def render_markers(markdown: str, page: PageRef, site: SiteData, site_url: str = "") -> Rendered:
    """The page's Markdown with every marker replaced; raises MarkerError on an unknown one."""
    has_calculator = any(m.group(1) != "embed" for m in CALCULATOR.finditer(markdown))
    has_job_ad = bool(JOBAD.search(markdown))
    if "{{" in markdown:
        ctx = _Context(page, site, site_url)
        markdown = FIGURES.sub(lambda m: _figure(ctx, *m.groups()), markdown)
        markdown = GLOSSARY.sub(lambda m: _glossary(ctx), markdown)
        markdown = CALCULATOR.sub(lambda m: _calculator(ctx, m.group(1)), markdown)
        markdown = JOBAD.sub(lambda m: _job_ad(ctx, m.group(1)), markdown)
        markdown = OPEN_DATA.sub(lambda m: _open_data(ctx, m.group(1)), markdown)
        markdown = ROLESHEET.sub(lambda m: _rolesheet(ctx, *m.groups()), markdown)
        leftover = LEFTOVER.search(markdown)
        if leftover:
            raise MarkerError(f"{page.src_uri}: unknown marker {leftover.group(0)}")
    return Rendered(markdown, has_calculator, has_job_ad)


class _Context:
    """What a marker needs to know about the page it is expanded on."""

    def __init__(self, page: PageRef, site: SiteData, site_url: str = ""):
        self.page = page
        self.site_url = site_url
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
    publisher = escape(_short_publisher(source))
    if source["lang"] != ctx.lang:  # an organisation's name stays in its language, and says which
        publisher = f'<span lang="{source["lang"]}">{publisher}</span>'
    return f"[\\[{publisher}, {when}\\]](sources.md#src-{source_id}){{ .fig-src }}"


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
        if key in ("variable_pct", "actual_bonus_pct"):
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


def _source_lang(ctx: _Context, source_id) -> str | None:
    """The language of a source's own name (a publisher's name stays in its language, marked with `lang`)."""
    return ctx.data["sources"][source_id]["lang"] if source_id else None


def _via(ctx: _Context, source_id) -> str | None:
    """'reported by La Vanguardia' in the page's language, for a source read through a second party."""
    via = source_id and ctx.data["sources"][source_id].get("via")
    if not via:
        return None
    relation = ctx.t(f"via_{via['relation']}")
    return f"{relation} {via['name']}"


def _measures(ctx: _Context, row: dict) -> str:
    """What a figure measures: a role, an occupation code standing for roles, or a wider group (context)."""
    if row.get("role"):
        return ctx.t(f"role_{row['role']}")
    occupation = row.get("occupation")
    if occupation:
        roles = " · ".join(ctx.t(f"role_{r}_short") for r in occupation["stands_for"])
        return (f"{occupation['system']} {occupation['code']} {occupation['title']} "
                f"({ctx.t('stands_for')} {roles})")
    return ctx.t("measures_context")


def _salary_row(ctx: _Context, row: dict) -> dict:
    href, source_name = _source_link(ctx, row["source"])
    status = pay.status(ctx.data, row["year"])
    return {
        "id": row["id"], "country": row["country"],
        "country_name": fmt.country_name(row["country"], ctx.lang),
        "label": row["label"][ctx.lang], "population": ctx.t(f"pop_{row['population']}"),
        "stats": _stats(ctx, row), "net": not row["gross"],
        "covers": ctx.t(f"covers_{row['covers']}"), "period": ctx.t(f"period_{row['period']}"),
        "year": ctx.when(row["year"], row["source"]), "status": status, "status_text": ctx.t(f"status_{status}"),
        "measures": _measures(ctx, row),
        "source_href": href, "source_name": source_name, "source_lang": _source_lang(ctx, row["source"]),
        "via": _via(ctx, row["source"]),
    }


def _reader_country(ctx: _Context) -> str:
    return ctx.site.registry.language(ctx.lang).country


def _by_reader_country(ctx: _Context, rows: list[dict]) -> list[dict]:
    """Rows grouped by country, the reader's country first, then in the summary's order."""
    order = pay.countries_in_order(ctx.data, _reader_country(ctx))
    rank = {code: i for i, code in enumerate(order)}
    return sorted(rows, key=lambda row: rank.get(row["country"], len(rank)))


def _salaries_table(ctx: _Context) -> str:
    rows = [_salary_row(ctx, row) for row in _by_reader_country(ctx, ctx.data["salaries"])
            if pay.status(ctx.data, row["year"]) != "historical"]
    withdrawn = [{"id": item["id"], "note": item["note"][ctx.lang]} for item in ctx.data["pay"]["withdrawn"]]
    return ctx.render("salaries.html", rows=rows, caption=ctx.t("caption_salaries"), table_id="salary-table",
                      withdrawn=withdrawn)


def _historical_table(ctx: _Context) -> str:
    rows = [_salary_row(ctx, row) for row in _by_reader_country(ctx, ctx.data["salaries"])
            if pay.status(ctx.data, row["year"]) == "historical"]
    return ctx.render("salaries.html", rows=rows, caption=ctx.t("caption_historical"), table_id="historical-table",
                      withdrawn=[])


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
            "source_href": href, "source_name": source_name, "source_lang": _source_lang(ctx, country["source"]),
        })
    return ctx.render("conventions.html", rows=rows)


def _sources_table(ctx: _Context) -> str:
    rows = [{
        "id": sid, "publisher": src["publisher"], "via": _via(ctx, sid), "title": src["title"],
        "title_lang": src["lang"],
        "date": fmt.published(src["published"], ctx.locale) if src["published"] else ctx.t("undated"),
        "datetime": str(src["published"]) if src["published"] else None, "url": src["url"],
        "url_text": re.sub(r"^https?://(www\.)?", "", src["url"] or ""),
    } for sid, src in ctx.data["sources"].items()]
    return ctx.render("sources.html", rows=rows)


def _classification_row(key: str, item: dict) -> dict:
    codes = [item[k] for k in ("isco", "code") if k in item]
    if "esco_code" in item:
        codes.append(f"ESCO {item['esco_code']}")
    return {"key": key, "system": item["system"], "system_lang": item.get("system_lang"), "code": " · ".join(codes),
            "label": item["label"], "label_lang": item["lang"], "uri": item.get("uri")}


def _classifications_table(ctx: _Context) -> str:
    rows = [_classification_row(key, item) for key, item in ctx.data["classifications"].items()]
    return ctx.render("classifications.html", rows=rows)


TABLES = {"salaries": _salaries_table, "historical": _historical_table, "conventions": _conventions_table,
          "sources": _sources_table, "classifications": _classifications_table}


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
    if part == "embed":
        if not ctx.site_url:
            raise ctx.fail("the marker {{ calculator embed }} needs the site's address (site_url)")
        html = embed.snippet_block(ctx.site, ctx.lang, ctx.site_url)
        return f"\n\n{html}\n\n"
    renderer = calculator.RENDERERS.get(part)
    if renderer is None:
        raise ctx.fail(f"unknown calculator marker '{part}'")
    html = renderer(ctx.site, ctx.lang)
    html = "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block for Markdown
    return f"\n\n{html}\n\n"


def _open_data(ctx: _Context, part: str) -> str:
    out = open_data.marker(ctx.site, ctx.lang, ctx.page.url, part)
    if out is None:
        raise ctx.fail(f"unknown open_data marker '{part}'")
    return out


# --- pay headlines (figures.yml `pay`; rules in pay.py) ----------------------------------------------------------

def _amount_line(ctx: _Context, row: dict) -> str:
    """'£39,039 (median) per year, base + variable, gross' for a salary figure."""
    stats = "; ".join(f"{stat['text']} ({stat['label']})" for stat in _stats(ctx, row))
    period, covers = ctx.t(f"period_{row['period']}"), ctx.t(f"covers_{row['covers']}")
    gross = ctx.t("pay_gross" if row["gross"] else "pay_net")
    return f"{stats} {period}, {covers}, {gross}"


def _figure_view(ctx: _Context, row: dict) -> dict:
    """A figure as the summary, the FAQ and the at-a-glance boxes show it: amount, what, year, source."""
    href, name = _source_link(ctx, row["source"])
    return {"id": row["id"], "amount": _amount_line(ctx, row), "label": row["label"][ctx.lang],
            "population": ctx.t(f"pop_{row['population']}"), "measures": _measures(ctx, row),
            "year": ctx.when(row["year"], row["source"]), "source_href": href, "source_name": name,
            "source_lang": _source_lang(ctx, row["source"]), "via": _via(ctx, row["source"])}


def _minimum_wage_view(ctx: _Context, code: str) -> dict:
    wage = pay.country_pay(ctx.data, code).get("minimum_wage", {})
    if not wage.get("statutory"):
        return {"text": ctx.t("min_wage_none")}
    if "amount" not in wage:
        return {"text": ctx.t("min_wage_gap")}
    href, name = _source_link(ctx, wage["source"])
    since = fmt.long_date(pay.as_date(wage["since"]), ctx.locale)
    period = ctx.t(f"period_{wage['period']}")
    amount = fmt.amount(wage["amount"], wage["currency"], ctx.lang)
    return {"text": f"{amount} {period}, {ctx.t('pay_gross')}", "since": ctx.t("since_date").replace("{date}", since),
            "source_href": href, "source_name": name, "source_lang": _source_lang(ctx, wage["source"]),
            "via": _via(ctx, wage["source"])}


def _role_view(ctx: _Context, code: str, role: str) -> dict:
    row = pay.headline(ctx.data, code, role)
    if row is not None:
        return {"role": role, "figure": _figure_view(ctx, row)}
    gap = pay.gap(ctx.data, code, role)
    return {"role": role, "gap": ctx.t("gap_no_current"), "searched": gap["searched"][ctx.lang] if gap else None}


def _country_view(ctx: _Context, code: str) -> dict:
    national = pay.national(ctx.data, code)
    tool = pay.country_pay(ctx.data, code).get("gross_to_net")
    roles = [_role_view(ctx, code, role) for role in pay.ROLES]
    if all("gap" in r for r in roles) and len({r["searched"] for r in roles}) == 1:
        for r in roles[:-1]:  # one gap declared for both roles: say what was searched once, after the last
            r["searched"] = None
    return {"code": code, "slug": code.lower(), "name": fmt.country_name(code, ctx.lang),
            "roles": roles,
            "national": _figure_view(ctx, national) if national else None,
            "minimum_wage": _minimum_wage_view(ctx, code), "gross_to_net": tool}


def _reviewed_text(ctx: _Context) -> str:
    return ctx.t("pay_reviewed").replace("{date}", fmt.long_date(pay.reviewed(ctx.data), ctx.locale))


def _summary(ctx: _Context, name: str) -> str:
    if name != "countries":
        raise ctx.fail(f"unknown summary '{name}'")
    first = _reader_country(ctx)
    countries = [_country_view(ctx, code) for code in pay.countries_in_order(ctx.data, first)]
    return ctx.render("pay_summary.html", countries=countries, default=first, reviewed=_reviewed_text(ctx),
                      options=sorted(countries, key=lambda c: collation.sort_key(ctx.locale)(c["name"])))


def _md_source(ctx: _Context, view: dict) -> str:
    """' [\\[INE, 2023\\]](sources.md#src-ine)' for a figure in a Markdown sentence."""
    via = f" ({view['via']})" if view.get("via") else ""
    return f"[\\[{view['source_name']}, {view['year']}\\]]({view['source_href']}){{ .fig-src }}{via}"


def _mid_sentence(text: str) -> str:
    """A data label inside a sentence: 'All employees' -> 'all employees'; 'KAM ...' and names keep their case."""
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _answer(ctx: _Context, role: str) -> str:
    """The FAQ's answer to 'How much does an AM / a KAM earn?' for the reader's country (Markdown)."""
    if role not in pay.ROLES:
        raise ctx.fail(f"unknown role '{role}' (am or kam)")
    code = _reader_country(ctx)
    view = _country_view(ctx, code)
    role_view = next(r for r in view["roles"] if r["role"] == role)
    country = view["name"]
    parts = []
    if "figure" in role_view:
        fig = role_view["figure"]
        parts.append(ctx.t("answer_figure").replace("{country}", country).replace("{figure}", fig["amount"])
                     .replace("{what}", f"{_mid_sentence(fig['label'])} ({fig['measures']})") + " "
                     + _md_source(ctx, fig))
    else:
        parts.append(ctx.t("answer_gap").replace("{country}", country))
    if view["national"]:
        nat = view["national"]
        parts.append(ctx.t("answer_context").replace("{figure}", nat["amount"])
                     .replace("{what}", _mid_sentence(nat["label"]))
                     + " " + _md_source(ctx, nat))
    others = [fmt.country_name(c, ctx.lang) for c in pay.countries_in_order(ctx.data, code)[1:]
              if pay.headline(ctx.data, c, role)]
    if others:
        parts.append(ctx.t("answer_others_some").replace("{countries}", ", ".join(others)))
    else:
        parts.append(ctx.t("answer_others_none"))
    parts.append(ctx.t("answer_summary_link").replace("{href}", "salaries-europe.md#summary"))
    tool = view["gross_to_net"]
    if tool:
        parts.append(ctx.t("answer_net_tool").replace("{tool}", f"[{tool['title']}]({tool['url']})")
                     .replace("{publisher}", tool["publisher"]))
    return " ".join(parts)


def _glance(ctx: _Context, page: str) -> str:
    """The at-a-glance box of an occupation page: pay in the reader's country and the occupation's facts."""
    item = ctx.site.occupations["occupations"].get(page)
    if item is None or "glance" not in item:
        raise ctx.fail(f"no at-a-glance data for '{page}' (occupations.yml occupations.{page}.glance)")
    glance = item["glance"]
    code = _reader_country(ctx)
    view = _country_view(ctx, code)
    role_view = next(r for r in view["roles"] if r["role"] == glance["role"])
    return ctx.render("pay_glance.html", page=page, country=view, role=role_view, rows=_glance_rows(ctx, glance),
                      reviewed=_reviewed_text(ctx), summary_href=relative_url(
                          ctx.site.registry.root(ctx.lang) + "salaries-europe/", ctx.page.url) + "#summary")


def _glance_rows(ctx: _Context, glance: dict) -> list[dict]:
    """The occupation's facts of an at-a-glance box (usual education, experience, tools…), labelled."""
    return [{"key": key, "label": ctx.t(f"glance_{key}"), "text": glance[key]["text"][ctx.lang],
             "facts": [_fact_view(ctx, name) for name in glance[key].get("facts", [])]}
            for key in glance if key != "role"]


def _fact_view(ctx: _Context, name: str) -> dict:
    fact = ctx.data["facts"][name]
    href, source_name = _source_link(ctx, fact["source"])
    source = ctx.data["sources"][fact["source"]] if fact["source"] else {}
    when = fact["year"] or source.get("published")
    return {"name": name, "text": fmt.quantity(fact, ctx.lang), "source_href": href, "source_name": source_name,
            "source_lang": _source_lang(ctx, fact["source"]),
            "year": fmt.published(when, ctx.locale) if when else ctx.t("undated")}


def _rules(ctx: _Context, name: str) -> str:
    if name != "local":
        raise ctx.fail(f"unknown rules list '{name}'")
    rules = []
    for rule in pay.rules_in_order(ctx.data, _reader_country(ctx)):
        href, source_name = _source_link(ctx, rule["source"])
        checked = (fmt.long_date(pay.as_date(rule["checked"]), ctx.locale) if rule["checked"]
                   else ctx.t("rule_not_rechecked"))
        rules.append({"id": rule["id"], "country": rule["country"],
                      "country_name": ctx.t("eu_name") if rule["country"] == "EU"
                      else fmt.country_name(rule["country"], ctx.lang),
                      "topic": ctx.t(f"topic_{rule['topic']}"), "text": rule["text"][ctx.lang],
                      "source_href": href, "source_name": source_name or ctx.t("no_source"),
                      "source_lang": _source_lang(ctx, rule["source"]),
                      "via": _via(ctx, rule["source"]), "checked": checked})
    return ctx.render("pay_rules.html", rules=rules)


FIGURE_KINDS.update({"summary": _summary, "answer": _answer, "glance": _glance, "rules": _rules})


def _job_ad(ctx: _Context, part: str) -> str:
    renderers = {"form": job_ad.form, "rules": job_ad.rules_table, "parameters": job_ad.parameters_table,
                 "levels": lambda site, lang: job_ad.levels_table(site, lang, ctx.page.url)}
    renderer = renderers.get(part)
    if renderer is None:
        raise ctx.fail(f"unknown jobad marker '{part}'")
    html = renderer(ctx.site, ctx.lang)
    html = "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block for Markdown
    return f"\n\n{html}\n\n"


# --- role sheets (occupations.yml `sheet`; docs/<lang>/role-sheet-*.md) -------------------------------------------

SHEET_PARTS = ("summary", "responsibilities", "skills", "requirements", "codes", "pay", "print")


def _sheet_codes(ctx: _Context, item: dict, role: str) -> list[dict]:
    """The role's codes: its ESCO / ISCO-08 classifications, the national ones, then the occupation codes of the
    salary figures that stand for the role (UK SOC 2020, CZ-ISCO…), each once."""
    classifications = ctx.data["classifications"]
    keys = list(dict.fromkeys(item.get("isco", []) + item["sheet"]["national"]))
    rows = [_classification_row(key, classifications[key]) for key in keys]
    seen = {(row["system"], row["code"]) for row in rows}
    for salary in ctx.data["salaries"]:
        occupation = salary.get("occupation")
        if not occupation or role not in occupation["stands_for"]:
            continue
        if (occupation["system"], occupation["code"]) in seen:
            continue
        seen.add((occupation["system"], occupation["code"]))
        rows.append({"key": f"{occupation['system']}-{occupation['code']}", "system": occupation["system"],
                     "system_lang": None, "code": occupation["code"], "label": occupation["title"],
                     "label_lang": occupation["lang"], "uri": None})
    return rows


def _rolesheet(ctx: _Context, page: str, part: str) -> str:
    """One part of an occupation's role sheet, rendered from occupations.yml and figures.yml."""
    item = ctx.site.occupations["occupations"].get(page)
    if item is None or "sheet" not in item:
        raise ctx.fail(f"no role sheet data for '{page}' (occupations.yml occupations.{page}.sheet)")
    if part not in SHEET_PARTS:
        raise ctx.fail(f"unknown role sheet part '{part}' (one of {', '.join(SHEET_PARTS)})")
    sheet, role = item["sheet"], item["glance"]["role"]
    values = {"part": part, "page": page, "role": role}
    if part == "summary":
        values["summary"] = sheet["summary"][ctx.lang]
    elif part == "responsibilities":
        values["items"] = [{"id": r["id"], "title": r["title"][ctx.lang], "summary": r["summary"][ctx.lang]}
                           for r in item["responsibilities"]["items"]]
    elif part == "skills":
        source = ctx.data["classifications"][sheet["skills_from"]]
        values.update(skills=[ctx.site.occupations["skills"][key][ctx.lang] for key in item["skills"]],
                      esco={"label": source["label"], "lang": source["lang"], "uri": source["uri"]},
                      same=item.get("same_as") == sheet["skills_from"])
    elif part == "requirements":
        values["rows"] = _glance_rows(ctx, item["glance"])
    elif part == "codes":
        values["rows"] = _sheet_codes(ctx, item, role)
    elif part == "pay":
        first = _reader_country(ctx)
        countries = []
        for code in pay.countries_in_order(ctx.data, first):
            gap = pay.gap(ctx.data, code, role)
            countries.append({**_country_view(ctx, code), "searched": gap["searched"][ctx.lang] if gap else None})
        values.update(countries=countries, default=first, reviewed=_reviewed_text(ctx),
                      options=sorted(countries, key=lambda c: collation.sort_key(ctx.locale)(c["name"])),
                      summary_href=relative_url(ctx.site.registry.root(ctx.lang) + "salaries-europe/", ctx.page.url)
                      + "#summary")
    return ctx.render("role_sheet.html", **values)
