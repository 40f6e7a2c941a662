"""The salary calculator's inputs, derived from the data file: countries, the plan each page opens with,
and the worked examples. Used by the build hooks and the tests, so both read the same plans."""

from __future__ import annotations

import salary_model


def model_countries(data: dict) -> dict:
    """What the compensation model needs to know of each country."""
    return {code: {"currency": c["currency"], "payments": c["payments"]} for code, c in data["countries"].items()}


def worked_example_params(data: dict) -> dict:
    example = data["worked_example"]
    return {"country": example["country"], "basis": "year", "base": str(example["base"]),
            "target": str(example["variable_pct"]), "achievement": str(example["achievement"])}


def default_params(data: dict, lang: str) -> dict:
    """The plan a language's calculator page opens with, in URL form."""
    country = data["calculator"]["default_country"][lang]
    plan = data["calculator"].get("local_plans", {}).get(country)
    params = dict(plan) if plan else {k: v for k, v in worked_example_params(data).items() if k != "country"}
    return {"country": country, **params}


def examples(data: dict) -> list[dict]:
    """Each worked example with its full parameters and the model's results."""
    out = []
    for example in data["calculator"]["examples"]:
        params = worked_example_params(data) if example.get("worked_example") else {}
        params.update(example["params"])
        outcome = salary_model.compute(params, model_countries(data))
        if not outcome["ok"]:
            raise ValueError(f"calculator example '{example['id']}' is invalid: {outcome['errors']}")
        out.append({"id": example["id"], "params": params, "results": outcome["results"]})
    return out


def worked_example(data: dict) -> dict:
    """The worked example's figures: its inputs and the variable and total the model computes."""
    params = worked_example_params(data)
    outcome = salary_model.compute(params, model_countries(data))
    currency = data["countries"][params["country"]]["currency"]
    return {**data["worked_example"], "currency": currency, **outcome["results"]}
