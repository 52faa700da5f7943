"""Independent computation of `parat outcomes summarize`, straight from the issue's definitions.

Reads the input JSON on standard input with every number as an exact decimal (no binary floating
point decides anything) and prints the expected output JSON. Python's standard library only.
"""
import json
import sys
from decimal import Decimal
from fractions import Fraction
from math import sqrt

DEFAULTS = {"reliable_change": 5, "srs_cutoff": 36, "srs_item_cutoff": 9, "srs_drop": 1,
            "no_improvement_after": 4, "cutoffs": {"adult": 25, "adolescent": 28, "child": 32}}

data = json.load(sys.stdin, parse_float=Decimal, parse_int=Decimal)
given = data.get("settings", {})
settings = {k: Fraction(given.get(k, v)) for k, v in DEFAULTS.items() if k != "cutoffs"}
cutoffs = {k: Fraction(given.get("cutoffs", {}).get(k, v)) for k, v in DEFAULTS["cutoffs"].items()}

out_episodes = []
counted = []
for episode in data["episodes"]:
    cutoff = cutoffs[episode["age_group"]]
    ors = [sum(Fraction(v) for v in s["ors"]) for s in episode["sessions"] if s.get("ors") is not None]
    srs = [[Fraction(v) for v in s["srs"]] for s in episode["sessions"] if s.get("srs") is not None]
    intake = ors[0] if ors else None
    latest = ors[-1] if ors else None
    change = latest - intake if ors else None
    if change is not None and change >= settings["reliable_change"]:
        reliable = "improved"
    elif change is not None and change <= -settings["reliable_change"]:
        reliable = "deteriorated"
    else:
        reliable = "none"
    recovered = bool(ors) and intake < cutoff and latest >= cutoff and reliable == "improved"
    alerts = []
    if ors and latest < cutoff:
        alerts.append("ors_below_cutoff")
    if reliable == "deteriorated":
        alerts.append("deterioration")
    if len(ors) >= settings["no_improvement_after"] and reliable != "improved":
        alerts.append("no_improvement")
    if srs:
        last = srs[-1]
        if sum(last) < settings["srs_cutoff"]:
            alerts.append("srs_below_cutoff")
        if any(item < settings["srs_item_cutoff"] for item in last):
            alerts.append("srs_item_below")
        if len(srs) >= 2 and sum(srs[-2]) - sum(last) >= settings["srs_drop"]:
            alerts.append("srs_drop")
    number = lambda x: None if x is None else float(x)
    identifier = episode["id"]
    if isinstance(identifier, Decimal):
        identifier = int(identifier)
    out_episodes.append({"id": identifier, "intake": number(intake), "latest": number(latest),
                         "change": number(change), "reliable": reliable, "recovered": recovered,
                         "alerts": alerts})
    if len(ors) >= 2:
        counted.append((intake, latest, reliable, recovered, intake < cutoff))

n = len(counted)
intakes = [c[0] for c in counted]
mean_intake = sum(intakes) / n if n else None
mean_latest = sum(c[1] for c in counted) / n if n else None
effect_size = None
if n >= 2:
    variance = sum((x - mean_intake) ** 2 for x in intakes) / (n - 1)
    if variance > 0:
        effect_size = float(mean_latest - mean_intake) / sqrt(variance)
below = [c for c in counted if c[4]]
print(json.dumps({
    "episodes": out_episodes,
    "aggregate": {
        "episodes": n,
        "mean_intake": None if mean_intake is None else float(mean_intake),
        "mean_latest": None if mean_latest is None else float(mean_latest),
        "effect_size": effect_size,
        "improved": sum(c[2] == "improved" for c in counted) / n if n else None,
        "deteriorated": sum(c[2] == "deteriorated" for c in counted) / n if n else None,
        "recovered": sum(c[3] for c in below) / len(below) if below else None,
    },
}))
