"""Hand-built Extractions for export tests: small texts of our own, three conflicts, exact spans.

Spans are computed from the text with ``str.index`` so every evidence offset is
real; ids come from the model's own deterministic id functions.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.model import (
    Attribution,
    Claim,
    Contradiction,
    DateInterval,
    Document,
    Entity,
    Extraction,
    Place,
    Speaker,
    stable_id,
)


class DocBuilder:
    def __init__(self, text: str, **meta: Any) -> None:
        self.doc = Document.from_text(text, **meta)
        self.x = Extraction(document=self.doc, pipeline_version="test")
        self._outlet = meta.get("outlet") or "unknown outlet"

    def span(self, phrase: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.doc.text.index(phrase, start + 1)
        return (start, start + len(phrase))

    def entity(self, name: str, type: str, *, kind: str | None = None, aliases: tuple[str, ...] = (),
               place: Place | None = None, dictionary: str | None = None, titles: tuple[str, ...] = ()) -> str:
        mentions = []
        for form in (name, *aliases):
            i = self.doc.text.find(form)
            while i >= 0:
                mentions.append((i, i + len(form)))
                i = self.doc.text.find(form, i + 1)
        eid = stable_id("ent_", self.doc.id, type, name)
        self.x.entities.append(
            Entity(id=eid, type=type, name=name, aliases=[name, *aliases], mentions=sorted(mentions), kind=kind,
                   titles=list(titles), place=place, external_ids={"dictionary": dictionary} if dictionary else {})
        )
        return eid

    def attribution(self, *speakers: tuple[str, str | None], cue: str | None = None) -> str:
        chain = [Speaker(text=self._outlet)] + [
            Speaker(text=t, entity_id=e, span=self.span(t)) for t, e in speakers
        ]
        aid = stable_id("att_", self.doc.id, [s.text for s in chain])
        self.x.attributions.append(Attribution(id=aid, chain=chain, cue=cue))
        return aid

    def claim(self, kind: str, predicate: str, evidence: str, attribution: str | None, modality: str = "asserted",
              **kw: Any) -> str:
        ev = [self.span(evidence)]
        cid = Claim.make_id(self.doc.id, kind, predicate, kw.get("subject"), kw.get("object"),
                            kw.get("sources", []), kw.get("targets", []), ev, modality)
        self.x.claims.append(Claim(id=cid, doc_id=self.doc.id, kind=kind, predicate=predicate, evidence=ev,
                                   attribution=attribution, modality=modality, **kw))
        return cid


SAHEL = (
    "Malian leader Assimi Goita met Wagner Group commanders in Bamako on 2 March 2024. "
    "A local official told Sahel Monitor that Wagner fighters attacked the village of Moura. "
    "The Malian army denied that its soldiers attacked civilians in Moura. "
    "The United Nations alleged that JNIM fighters led by Iyad Ag Ghaly abducted aid workers near Gao. "
    "Iyad Ag Ghaly is the leader of JNIM."
)

SAHEL_FOLLOWUP = (
    "UN experts said Iyad Ag Ghaly still leads Jama'at Nusrat al-Islam wal-Muslimin. "
    "Wagner denied attacking civilians in Moura in March 2024."
)

MYANMAR = (
    "The Arakan Army seized Paletwa town in Chin State in January 2024, residents said. "
    "The military junta accused the Arakan Army of killing civilians. "
    "Twan Mrat Naing, commander-in-chief of the Arakan Army, called for talks. "
    "The Arakan Army had been party to the Haigeng ceasefire."
)


def _sahel() -> Extraction:
    b = DocBuilder(SAHEL, path="tests/sahel.txt", outlet="Sahel Monitor", published="2024-03-10",
                   url="https://example.org/sahel/1", title="Wagner and JNIM in central Mali")
    goita = b.entity("Assimi Goita", "Person", titles=("Colonel",))
    wagner = b.entity("Wagner Group", "Organization", kind="armed_group", aliases=("Wagner",), dictionary="wagner")
    army = b.entity("Malian army", "Organization", kind="government")
    un = b.entity("United Nations", "Organization", kind="igo", dictionary="un")
    jnim = b.entity("JNIM", "Organization", kind="armed_group", dictionary="jnim")
    ghaly = b.entity("Iyad Ag Ghaly", "Person", dictionary="iyad-ag-ghaly")
    bamako = b.entity("Bamako", "Location", kind="city", place=Place(
        resolved=True, lat=12.6392, lon=-8.0029, country="ML", admin1="Bamako", feature="city", geonameid=2460596,
        gazetteer_name="Bamako", method="gazetteer:exact", confidence=0.9))
    moura = b.entity("Moura", "Location", kind="town", place=Place(resolved=False, reason="no gazetteer candidate"))
    gao = b.entity("Gao", "Location", kind="city", place=Place(
        resolved=True, lat=16.27, lon=-0.04, country="ML", admin1="Gao", admin2="Gao", feature="city",
        geonameid=2457163, gazetteer_name="Gao", method="gazetteer:exact", confidence=0.8))
    outlet_voice = b.attribution()
    official = b.attribution(("A local official", None), cue="told")
    army_says = b.attribution(("The Malian army", army), cue="denied")
    un_says = b.attribution(("The United Nations", un), cue="alleged")
    b.claim("event", "CONSULT", "Malian leader Assimi Goita met Wagner Group commanders in Bamako on 2 March 2024",
            outlet_voice, sources=[goita, wagner], location=bamako,
            date=DateInterval(value="2024-03-02", precision="day", text="2 March 2024"), confidence=0.8)
    b.claim("event", "ASSAULT", "Wagner fighters attacked the village of Moura", official, sources=[wagner],
            location=moura, mode="firearms", confidence=0.6)
    b.claim("event", "ASSAULT", "denied that its soldiers attacked civilians in Moura", army_says, modality="denied",
            sources=[army], location=moura, confidence=0.7)
    b.claim("event", "ASSAULT", "JNIM fighters led by Iyad Ag Ghaly abducted aid workers near Gao", un_says,
            modality="alleged", sources=[jnim], location=gao, mode="abduct", confidence=0.7)
    b.claim("relation", "leader_of", "Iyad Ag Ghaly is the leader of JNIM", outlet_voice, subject=ghaly, object=jnim,
            confidence=0.9)
    return b.x


def _sahel_followup() -> Extraction:
    b = DocBuilder(SAHEL_FOLLOWUP, path="tests/sahel-2.txt", outlet="Radio Sahel", published="2024-04-02")
    un = b.entity("United Nations", "Organization", kind="igo", aliases=("UN",), dictionary="un")
    ghaly = b.entity("Iyad Ag Ghaly", "Person", dictionary="iyad-ag-ghaly")
    jnim = b.entity("Jama'at Nusrat al-Islam wal-Muslimin", "Organization", kind="armed_group", dictionary="jnim")
    wagner = b.entity("Wagner", "Organization", kind="armed_group", dictionary="wagner")
    moura = b.entity("Moura", "Location", kind="town", place=Place(resolved=False, reason="no gazetteer candidate"))
    experts = b.attribution(("UN experts", un), cue="said")
    wagner_says = b.attribution(("Wagner", wagner), cue="denied")
    b.claim("relation", "leader_of", "Iyad Ag Ghaly still leads Jama'at Nusrat al-Islam wal-Muslimin", experts,
            subject=ghaly, object=jnim, confidence=0.8)
    b.claim("event", "ASSAULT", "Wagner denied attacking civilians in Moura in March 2024", wagner_says,
            modality="denied", sources=[wagner], location=moura,
            date=DateInterval(value="2024-03", precision="month", text="March 2024"), confidence=0.7)
    return b.x


def _myanmar() -> Extraction:
    b = DocBuilder(MYANMAR, path="tests/myanmar.txt", outlet="Irrawaddy Weekly", published="2024-02-01")
    aa = b.entity("Arakan Army", "Organization", kind="armed_group")
    paletwa = b.entity("Paletwa", "Location", kind="town", place=Place(
        resolved=True, lat=21.3, lon=92.85, country="MM", admin1="Chin", admin2="Paletwa", feature="town",
        geonameid=1302439, gazetteer_name="Paletwa", method="gazetteer:exact+parent", confidence=0.7))
    junta = b.entity("military junta", "Organization", kind="government")
    twan = b.entity("Twan Mrat Naing", "Person", titles=("commander-in-chief",))
    residents = b.attribution(("residents", None), cue="said")
    junta_says = b.attribution(("The military junta", junta), cue="accused")
    outlet_voice = b.attribution()
    b.claim("event", "COERCE", "The Arakan Army seized Paletwa town in Chin State in January 2024", residents,
            sources=[aa], location=paletwa, mode="seize",
            date=DateInterval(value="2024-01", precision="month", text="January 2024"), counts={"killed": 0})
    b.claim("event", "ACCUSE", "The military junta accused the Arakan Army of killing civilians", junta_says,
            sources=[junta], targets=[aa], mode="allege")
    b.claim("relation", "member_of", "Twan Mrat Naing, commander-in-chief of the Arakan Army", outlet_voice,
            subject=twan, object=aa, role="commander-in-chief")
    ceasefire = b.entity("Haigeng ceasefire", "Agreement")
    b.claim("relation", "party_to", "The Arakan Army had been party to the Haigeng ceasefire", outlet_voice,
            subject=aa, object=ceasefire, historical=True)
    return b.x


SUDAN = (
    "The Sudanese army said the Rapid Support Forces shelled El Fasher on 10 May 2024. "
    "The RSF denied shelling El Fasher."
)


def _sudan() -> Extraction:
    b = DocBuilder(SUDAN, path="tests/sudan.txt", outlet="Darfur Dispatch", published="2024-05-11")
    army = b.entity("Sudanese army", "Organization", kind="military")
    rsf = b.entity("Rapid Support Forces", "Organization", kind="armed_group", aliases=("RSF",), dictionary="rsf")
    fasher = b.entity("El Fasher", "Location", kind="city", place=Place(
        resolved=True, lat=13.6279, lon=25.3494, country="SD", admin1="North Darfur", feature="city",
        geonameid=379062, gazetteer_name="El Fasher", method="gazetteer:exact", confidence=0.9))
    army_says = b.attribution(("The Sudanese army", army), cue="said")
    rsf_says = b.attribution(("The RSF", rsf), cue="denied")
    shelled = b.claim("event", "ASSAULT", "the Rapid Support Forces shelled El Fasher on 10 May 2024", army_says,
                      sources=[rsf], location=fasher, mode="heavy-weapons",
                      date=DateInterval(value="2024-05-10", precision="day", text="10 May 2024"))
    denied = b.claim("event", "ASSAULT", "The RSF denied shelling El Fasher", rsf_says, modality="denied",
                     sources=[rsf], location=fasher)
    b.x.contradictions.append(Contradiction(id=stable_id("ctr_", shelled, denied), key=f"{rsf} ASSAULT {fasher}",
                                            claims_for=[shelled], claims_against=[denied]))
    return b.x


KASHMIR = "Police said the militants moved from Kupwara to Baramulla last week."


def _relocation() -> Extraction:
    b = DocBuilder(KASHMIR, path="tests/kashmir.txt", outlet="Valley Wire", published="2023-09-20")
    police = b.entity("Police", "Organization", kind="government")
    militants = b.entity("militants", "Organization", kind="armed_group")
    kupwara = b.entity("Kupwara", "Location", kind="district", place=Place(
        resolved=True, lat=34.5262, lon=74.2546, country="IN", admin1="Jammu and Kashmir", feature="district",
        geonameid=1265760, gazetteer_name="Kupwara", confidence=0.8))
    baramulla = b.entity("Baramulla", "Location", kind="district", place=Place(
        resolved=True, lat=34.198, lon=74.3636, country="IN", admin1="Jammu and Kashmir", feature="district",
        geonameid=1277070, gazetteer_name="Baramulla", confidence=0.8))
    police_say = b.attribution(("Police", police), cue="said")
    b.claim("event", "RELOCATE", "the militants moved from Kupwara to Baramulla last week", police_say,
            sources=[militants], location=baramulla, origin=kupwara)
    return b.x


UKRAINE = "Ukraine's air force said Russia launched drones at Odesa overnight."


def _state_actor() -> Extraction:
    b = DocBuilder(UKRAINE, path="tests/ukraine.txt", outlet="Black Sea Bulletin", published="2024-06-03")
    air_force = b.entity("Ukraine's air force", "Organization", kind="military")
    russia = b.entity("Russia", "Location", kind="country", place=Place(
        resolved=True, lat=60.0, lon=100.0, country="RU", feature="country", geonameid=2017370,
        gazetteer_name="Russia", confidence=0.9))
    odesa = b.entity("Odesa", "Location", kind="city", place=Place(
        resolved=True, lat=46.4775, lon=30.7326, country="UA", admin1="Odesa", feature="city", geonameid=698740,
        gazetteer_name="Odesa", confidence=0.9))
    says = b.attribution(("Ukraine's air force", air_force), cue="said")
    b.claim("event", "ASSAULT", "Russia launched drones at Odesa overnight", says, sources=[russia], location=odesa,
            mode="drone")
    return b.x


@pytest.fixture()
def state_actor() -> Extraction:
    """A country named as the actor of an event (an entity of type Location)."""
    return _state_actor()


@pytest.fixture()
def relocation() -> Extraction:
    """A RELOCATE event with an origin and a destination."""
    return _relocation()


@pytest.fixture()
def contested() -> Extraction:
    """An assertion and its denial, linked as a contradiction."""
    return _sudan()


@pytest.fixture()
def sahel() -> Extraction:
    return _sahel()


@pytest.fixture()
def corpus_docs() -> list[Extraction]:
    """Three documents, two conflicts; the Sahel pair shares actors under different names."""
    return [_sahel(), _sahel_followup(), _myanmar()]
