"""The cooperation map's measures, computed independently of Parat with networkx, straight from
the issue's definitions: reads `parat map measures`' input as JSON on standard input and prints
the same output. Used by crates/parat/tests/integration/map.rs to check Parat's numbers.

Input is assumed valid (Parat's own checks are tested separately)."""

import itertools
import json
import sys

import networkx as nx


def ident(raw):
    if isinstance(raw, str):
        return raw
    return str(int(raw))


def main():
    data = json.load(sys.stdin)
    actors = [ident(a["id"]) for a in data.get("actors", [])]
    agency = {ident(a["id"]): a["agency"] for a in data.get("actors", [])}
    meetings = data.get("meetings", [])
    attendees = {ident(m["id"]): set() for m in meetings}
    for row in data.get("attendance", []):
        attendees[ident(row["meeting"])].add(ident(row["actor"]))
    hours = {ident(m["id"]): m["per_year"] * m["hours"] for m in meetings}

    # The actor-actor network: tied when attending at least one meeting together.
    graph = nx.Graph()
    graph.add_nodes_from(actors)
    for meeting, people in attendees.items():
        graph.add_edges_from(itertools.combinations(sorted(people), 2))
    n = graph.number_of_nodes()
    e = graph.number_of_edges()

    # networkx normalises undirected betweenness by 2 / ((n - 1)(n - 2)), the rule.
    betweenness = nx.betweenness_centrality(graph, normalized=True) if n >= 3 else {a: 0.0 for a in actors}
    degree = dict(graph.degree())
    d_max = max(degree.values(), default=0)

    out_actors = []
    for b in actors:
        # Hours and weighted degree straight from the definitions: for every other actor, the
        # per-year x hours of the meetings they share, summed.
        own = [m for m, people in attendees.items() if b in people]
        weighted = 0.0
        for other in actors:
            if other != b:
                weighted += sum(hours[m] for m in own if other in attendees[m])
        roles = {"coordinator": 0, "consultant": 0, "boundary": 0, "liaison": 0}
        for a, c in itertools.combinations(sorted(graph.neighbors(b)), 2):
            if graph.has_edge(a, c):
                continue
            ga, gb, gc = agency[a], agency[b], agency[c]
            if ga == gb == gc:
                roles["coordinator"] += 1
            elif ga == gc:
                roles["consultant"] += 1
            elif ga == gb or gc == gb:
                roles["boundary"] += 1
            else:
                roles["liaison"] += 1
        out_actors.append({
            "id": b,
            "degree": degree[b],
            "hours_per_year": sum(hours[m] for m in own),
            "weighted_degree": weighted,
            "betweenness": betweenness[b],
            "brokerage": roles,
        })

    ratings = {}
    for r in data.get("ratings", []):
        ratings.setdefault(ident(r["meeting"]), []).append(r["useful"])
    out_meetings = []
    for m in meetings:
        mid = ident(m["id"])
        people = attendees[mid]
        overlaps = []
        for other in meetings:
            oid = ident(other["id"])
            if oid == mid:
                continue
            union = people | attendees[oid]
            if not union:
                continue
            jaccard = len(people & attendees[oid]) / len(union)
            if jaccard >= 0.5:
                overlaps.append({"meeting": oid, "jaccard": jaccard})
        rated = ratings.get(mid)
        out_meetings.append({
            "id": mid,
            "attendees": len(people),
            "person_hours_per_year": hours[mid] * len(people),
            "useful_mean": sum(rated) / len(rated) if rated else None,
            "overlaps": overlaps,
        })

    unmet, seen = [], set()
    for need in data.get("needs", []):
        a, c = ident(need["from"]), ident(need["to"])
        pair = frozenset((a, c))
        if pair in seen:
            continue
        seen.add(pair)
        if not graph.has_edge(a, c):
            unmet.append({"from": a, "to": c})

    print(json.dumps({
        "network": {
            "actors": n,
            "meetings": len(meetings),
            "density": nx.density(graph) if n >= 2 else 0.0,
            "centralization": sum(d_max - d for d in degree.values()) / ((n - 1) * (n - 2)) if n >= 3 else 0.0,
            "components": nx.number_connected_components(graph) if n else 0,
        },
        "actors": out_actors,
        "meetings": out_meetings,
        "unmet_needs": unmet,
    }))


main()
