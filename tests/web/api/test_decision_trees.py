"""GET /v1/decision-trees, /<id> and /<id>/diagram."""

from __future__ import annotations

import re

import pytest

from hds_api.rules.graph_check import node_edges


def test_list_names_every_tree_and_the_default(client, rules):
    body = client.get("/v1/decision-trees?lang=en").get_json()
    assert body["trees"] == [
        {
            "id": "hds_scope",
            "version": rules.tree.version,
            "title": "HDS certification scope",
            "default": True,
            "digest": rules.digest,
        }
    ]
    french = client.get("/v1/decision-trees").get_json()
    assert french["trees"][0]["title"] == "Champ de la certification HDS"


def test_tree_as_data_is_the_yaml_source(client, rules):
    body = client.get("/v1/decision-trees/hds_scope").get_json()
    source = rules.trees["hds_scope"].source
    assert body["nodes"] == source["nodes"]
    assert body["root"] == "personal_data"
    assert body["rules"] == rules.identities["hds_scope"]
    assert "kind" not in body
    assert body["nodes"]["personal_data"]["branches"]["false"] == {"outcome": "not_personal_data"}


def test_unknown_tree_is_a_404_naming_the_trees(client):
    for path in ("/v1/decision-trees/nope", "/v1/decision-trees/nope/diagram"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.get_json()["errors"]["tree_id"]["allowed"] == ["hds_scope"]


@pytest.mark.parametrize(
    ("lang", "question", "outcome"),
    [
        ("en", "Are they health data?", "Not personal data"),
        ("fr", "S'agit-il de données de santé ?", "Données non personnelles"),
    ],
)
def test_diagram_is_mermaid_with_labels_in_the_language(client, lang, question, outcome):
    response = client.get(f"/v1/decision-trees/hds_scope/diagram?lang={lang}")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert text.startswith("flowchart TD\n")
    assert f'health_data{{"{question}"}}' in text
    assert f'outcome_not_personal_data(["{outcome}"])' in text


def test_diagram_draws_every_node_and_edge(client, rules):
    text = client.get("/v1/decision-trees/hds_scope/diagram?lang=en").get_data(as_text=True)
    source = rules.trees["hds_scope"].source
    edges = re.findall(r"^    (\w+) -->\|\"[^\"]*\"\| (\w+)$", text, flags=re.MULTILINE)
    expected = [
        (node_id, edge["next"] if "next" in edge else f"outcome_{edge['outcome']}")
        for node_id, node in source["nodes"].items()
        for _, edge in node_edges(node)
    ]
    assert edges == expected
    declared = set(re.findall(r"^    (\w+)[{(\[]", text, flags=re.MULTILINE))
    assert {target for _, target in edges} | set(source["nodes"]) <= declared
    assert "+ flag ght_conditions_not_met" in text
    assert "before 2025-07-01" in text


def test_diagram_language_from_accept_language(client):
    text = client.get("/v1/decision-trees/hds_scope/diagram", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Are they health data?" in text
