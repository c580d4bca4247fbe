"""A country as the actor of an event ("Russia launched drones"): kept in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import stix2

from claimgraph.export.csv import write_csv
from claimgraph.export.ftm import write_ftm
from claimgraph.export.plover import write_plover
from claimgraph.export.stix import write_stix


def test_state_actor_in_every_format(state_actor):
    out = io.StringIO()
    write_ftm([state_actor], out)
    (event,) = [e for e in map(json.loads, out.getvalue().splitlines()) if e["schema"] == "Event"]
    assert event["properties"]["namesMentioned"] == ["Russia"]
    assert set(event["properties"]["country"]) == {"ru", "ua"}
    assert "organizer" not in event["properties"]  # an Address cannot organise in FtM; the name stays

    out = io.StringIO()
    write_plover([state_actor], out)
    (record,) = map(json.loads, out.getvalue().splitlines())
    assert record["actor"][0]["entity_text"] == "Russia" and record["actor"][0]["code"] == "RUS"

    out = io.StringIO()
    write_csv([state_actor], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["actor1"], row["country"], row["location"]) == ("Russia", "Ukraine", "Odesa")

    out = io.StringIO()
    write_stix([state_actor], out, timestamp=datetime(2025, 1, 1, tzinfo=UTC))
    objs = stix2.parse(out.getvalue(), allow_custom=True).objects
    names = {o.id: o.name for o in objs if o.type == "location"}
    attributed = [names[r.target_ref] for r in objs if r.type == "relationship" and r.relationship_type == "attributed-to"]
    assert attributed == ["Russia"]
