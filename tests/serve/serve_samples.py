"""Small hand-annotated extractions for the API/UI tests, from texts written for these tests.

Each is built the way an extractor would emit it (spans found in the text,
never typed in by hand), so the store and the server see realistic records
from several regions: the Sahel, Syria, and a hostile document whose names
and text carry markup payloads. Known annotations let API tests assert exact
filter results; the seed report adds a realistic extraction on top.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.model import (
    Attribution,
    Claim,
    Contradiction,
    DateInterval,
    Document,
    Entity,
    Extraction,
    Mention,
    Place,
    Speaker,
    stable_id,
)
from claimgraph.store import Store

SAHEL_TEXT = (
    "Army says it struck militant camp near Menaka\n\n"
    "BAMAKO, 12 March 2024 - The Malian Armed Forces (FAMa) said that its soldiers attacked a camp of "
    "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) near Menaka in February 2024. JNIM denied that the camp "
    "had been attacked. Colonel Souleymane Dembele, spokesman of the Malian Armed Forces, told reporters "
    "that the operation was coordinated with Niger over the past two weeks."
)

SYRIA_TEXT = (
    "Shelling reported in Idlib countryside\n\n"
    "Hayat Tahrir al-Sham (HTS) fighters allegedly shelled Syrian army positions near Kafr Nabudah in 2023, "
    "according to a local council official. The official said HTS was backed by a foreign sponsor."
)

HOSTILE_TITLE = '<script>alert("title")</script> Militia news'
HOSTILE_TEXT = (
    "Militia news\n\n"
    "<script>alert('xss')</script> The <img src=x onerror=alert(1)> Brigade attacked the town of Goma "
    "in June 2023, the outlet said. <b>Bold</b> claims & \"quotes\" stay text."
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return (start, start + len(needle))


def _entity(doc: Document, etype: str, name: str, *surfaces: str, kind: str | None = None,
            place: Place | None = None) -> tuple[Entity, list[Mention]]:
    forms = surfaces or (name,)
    spans = [_span(doc.text, s) for s in forms]
    ent = Entity(id=stable_id("ent_", doc.id, name), type=etype, name=name, aliases=list(dict.fromkeys(forms)),
                 mentions=spans, kind=kind, place=place)
    label = {"Person": "PERSON", "Organization": "ORG", "Location": "GPE", "Agreement": "AGREEMENT"}[etype]
    mentions = [Mention(start=s, end=e, text=doc.text[s:e], label=label, entity_id=ent.id) for s, e in spans]
    return ent, mentions


def _claim(doc: Document, kind: str, predicate: str, evidence: str, attribution: str | None, modality: str = "asserted",
           **fields) -> Claim:
    ev = [_span(doc.text, evidence)]
    cid = Claim.make_id(doc.id, kind, predicate, fields.get("subject"), fields.get("object"),
                        fields.get("sources", []), fields.get("targets", []), ev, modality)
    return Claim(id=cid, doc_id=doc.id, kind=kind, predicate=predicate, evidence=ev, attribution=attribution,
                 modality=modality, extractor="tests.serve.samples", extractor_version="1", confidence=0.9, **fields)


def sahel() -> Extraction:
    doc = Document.from_text(SAHEL_TEXT, path="tests/sahel.txt", title="Army says it struck militant camp near Menaka",
                             outlet="Sahel Monitor", published="2024-03-12")
    t = doc.text
    fama, m1 = _entity(doc, "Organization", "Malian Armed Forces", "Malian Armed Forces", "FAMa", kind="armed_forces")
    jnim, m2 = _entity(doc, "Organization", "Jama'at Nusrat al-Islam wal-Muslimin",
                       "Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", kind="armed_group")
    dembele, m3 = _entity(doc, "Person", "Souleymane Dembele", "Souleymane Dembele")
    menaka, m4 = _entity(doc, "Location", "Menaka", "Menaka", kind="town",
                         place=Place(resolved=True, lat=15.9182, lon=2.4022, country="ML", admin1="Ménaka",
                                     feature="town", geonameid=2453348, method="test", confidence=0.9))
    niger, m5 = _entity(doc, "Location", "Niger", "Niger", kind="country",
                        place=Place(resolved=True, lat=17.6078, lon=8.0817, country="NE", feature="country",
                                    method="test", confidence=0.95))
    bamako, m6 = _entity(doc, "Location", "Bamako", "BAMAKO", kind="city",
                         place=Place(resolved=True, lat=12.6392, lon=-8.0029, country="ML", feature="city",
                                     method="test", confidence=0.95))
    army_says = Attribution(id="att_army", chain=[Speaker("Sahel Monitor"), Speaker("The Malian Armed Forces (FAMa)", fama.id,
                                                                                    _span(t, "The Malian Armed Forces (FAMa)"))],
                            evidence=_span(t, "The Malian Armed Forces (FAMa) said"), cue="said")
    jnim_says = Attribution(id="att_jnim", chain=[Speaker("Sahel Monitor"), Speaker("JNIM", jnim.id, _span(t, "JNIM", 1))],
                            evidence=_span(t, "JNIM denied"), cue="denied")
    colonel = Attribution(id="att_colonel", chain=[Speaker("Sahel Monitor"), Speaker("Colonel Souleymane Dembele", dembele.id)],
                          evidence=_span(t, "Colonel Souleymane Dembele, spokesman of the Malian Armed Forces, told reporters"),
                          cue="told")
    attack = _claim(doc, "event", "ASSAULT", "its soldiers attacked a camp of Jama'at Nusrat al-Islam wal-Muslimin (JNIM) "
                    "near Menaka in February 2024", "att_army", sources=[fama.id], targets=[jnim.id], location=menaka.id,
                    mode="aerial", trigger=_span(t, "attacked"),
                    date=DateInterval(value="2024-02", precision="month", text="February 2024",
                                      span=_span(t, "February 2024")))
    denial = _claim(doc, "event", "ASSAULT", "JNIM denied that the camp had been attacked", "att_jnim", modality="denied",
                    sources=[fama.id], targets=[jnim.id], location=menaka.id, trigger=_span(t, "attacked", 1),
                    date=DateInterval(value="2024-02", precision="month"))
    spokesman = _claim(doc, "relation", "member_of", "Colonel Souleymane Dembele, spokesman of the Malian Armed Forces",
                       None, subject=dembele.id, object=fama.id, role="spokesman")
    coop = _claim(doc, "event", "COOPERATE", "the operation was coordinated with Niger over the past two weeks",
                  "att_colonel", sources=[fama.id], targets=[niger.id],
                  date=DateInterval(after="2024-02-27", before="2024-03-12", text="over the past two weeks"))
    contra = Contradiction(id=stable_id("ctr_", doc.id, attack.id, denial.id), key=f"{fama.id} ASSAULT {jnim.id}",
                           claims_for=[attack.id], claims_against=[denial.id])
    return Extraction(document=doc, entities=[fama, jnim, dembele, menaka, niger, bamako],
                      mentions=sorted(m1 + m2 + m3 + m4 + m5 + m6, key=lambda m: m.start),
                      attributions=[army_says, jnim_says, colonel], claims=[attack, denial, spokesman, coop],
                      contradictions=[contra], pipeline_version="test")


def syria() -> Extraction:
    doc = Document.from_text(SYRIA_TEXT, path="tests/syria.txt", title="Shelling reported in Idlib countryside",
                             outlet="Levant Wire", published="2024-01-05")
    t = doc.text
    hts, m1 = _entity(doc, "Organization", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "HTS", kind="armed_group")
    army, m2 = _entity(doc, "Organization", "Syrian army", "Syrian army", kind="armed_forces")
    kafr, m3 = _entity(doc, "Location", "Kafr Nabudah", "Kafr Nabudah",
                       place=Place(resolved=False, reason="no gazetteer candidate for this name"))
    official = Attribution(id="att_official", chain=[Speaker("Levant Wire"), Speaker("a local council official")],
                           evidence=_span(t, "according to a local council official"), cue="according to")
    shelling = _claim(doc, "event", "ASSAULT", "Hayat Tahrir al-Sham (HTS) fighters allegedly shelled Syrian army "
                      "positions near Kafr Nabudah in 2023", "att_official", modality="alleged",
                      sources=[hts.id], targets=[army.id], location=kafr.id, trigger=_span(t, "shelled"),
                      date=DateInterval(value="2023", precision="year", text="in 2023"))
    return Extraction(document=doc, entities=[hts, army, kafr], mentions=sorted(m1 + m2 + m3, key=lambda m: m.start),
                      attributions=[official], claims=[shelling], pipeline_version="test")


def hostile() -> Extraction:
    """A document whose title, text and extracted names carry script and markup payloads."""
    doc = Document.from_text(HOSTILE_TEXT, path="tests/<hostile>.txt", title=HOSTILE_TITLE,
                             outlet="<i>Outlet</i>", published="2023-07-01")
    t = doc.text
    brigade, m1 = _entity(doc, "Organization", "<img src=x onerror=alert(1)> Brigade",
                          "<img src=x onerror=alert(1)> Brigade", kind="armed_group")
    goma, m2 = _entity(doc, "Location", "Goma", "Goma", kind="city",
                       place=Place(resolved=True, lat=-1.6792, lon=29.2228, country="CD", feature="city",
                                   method="test", confidence=0.9))
    script, m3 = _entity(doc, "Organization", "<script>alert('xss')</script>", "<script>alert('xss')</script>")
    outlet = Attribution(id="att_outlet", chain=[Speaker("<i>Outlet</i>")], evidence=_span(t, "the outlet said"), cue="said")
    attack = _claim(doc, "event", "ASSAULT", "<img src=x onerror=alert(1)> Brigade attacked the town of Goma in June 2023",
                    "att_outlet", sources=[brigade.id], targets=[script.id], location=goma.id,
                    date=DateInterval(value="2023-06", precision="month"))
    return Extraction(document=doc, entities=[brigade, goma, script], mentions=sorted(m1 + m2 + m3, key=lambda m: m.start),
                      attributions=[outlet], claims=[attack], pipeline_version="test")


def write_store(path: Path, extractions: list[Extraction]) -> Path:
    """Save extractions into a new store at ``path`` through claimgraph.store, as ``analyze`` does."""
    with Store.open(path) as store:
        for x in extractions:
            store.save(x)
    return path
