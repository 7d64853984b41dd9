"""`framelens compare --pairs`: many pairs in one process; a bad pair does not stop the rest."""

from __future__ import annotations

import json

from test_contract import run_cli

FIRE = ("Springfield police arrested Tom Baxter on Friday after a fire destroyed the Elm "
        "Street library. The mayor promised a new building.")
FIRE_AGAIN = ("Tom Baxter was taken into custody in Springfield on Friday over the fire that "
              "gutted the Elm Street library. Insurers valued it at 4.2 million dollars.")


def test_compare_pairs_writes_one_comparison_per_line(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(FIRE, encoding="utf-8")
    second.write_text(FIRE_AGAIN, encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(f"{first}\t{second}\n{first}\t{tmp_path / 'missing.txt'}\n"
                     f"{second}\t{first}\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run_cli("compare", "--pairs", str(pairs), "--json", str(out))
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["schema"] == "framelens/comparisons-v1"
    good, bad, swapped = payload["comparisons"]
    assert bad is None
    assert "missing.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert good["schema"] == "framelens/comparison-v1"
    assert [d["source"] for d in good["documents"]] == [str(first), str(second)]
    assert [d["source"] for d in swapped["documents"]] == [str(second), str(first)]
    assert {"alignment", "only_in_a", "only_in_b", "similarity"} <= set(good)
    assert [0] in [group["a"] for group in good["alignment"]]
