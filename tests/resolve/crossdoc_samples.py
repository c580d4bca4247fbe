"""A small builder for hand-annotated Extractions: spans are found in the text, never typed in.

Used by the cross-document tests (resolve, store, serve). Each report names its
outlet and publication date; entities are matched by name as an extractor would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import (
    Attribution,
    Claim,
    DateInterval,
    Document,
    Entity,
    Extraction,
    Place,
    Speaker,
    stable_id,
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


@dataclass
class Report:
    text: str
    outlet: str
    published: str | None = None
    path: str | None = None
    doc: Document = field(init=False)
    entities: dict[str, Entity] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.doc = Document.from_text(self.text, outlet=self.outlet, published=self.published,
                                      title=self.text.split("\n", 1)[0],
                                      path=self.path or f"/reports/{self.outlet.lower().replace(' ', '-')}-{self.published}.txt")

    def entity(self, name: str, etype: str = "Organization", kind: str | None = None, surface: str | None = None,
               place: Place | None = None, dictionary: str | None = None) -> str:
        """Add an entity found at ``surface`` (default ``name``) in the text; returns its id."""
        s = span(self.doc.text, surface or name)
        eid = stable_id("ent_", self.doc.id, etype, name)
        self.entities[name] = Entity(id=eid, type=etype, name=name, aliases=[surface or name], mentions=[s], kind=kind,
                                     place=place, external_ids={"dictionary": dictionary} if dictionary else {})
        return eid

    def says(self, speaker: str | None, cue: str, speaker_entity: str | None = None) -> str:
        """An attribution: the outlet, then ``speaker`` as written (None = the outlet's own voice)."""
        chain = [Speaker(self.outlet)]
        if speaker:
            chain.append(Speaker(speaker, self.entities[speaker_entity].id if speaker_entity else None,
                                 span(self.doc.text, speaker)))
        aid = stable_id("att_", self.doc.id, speaker, cue)
        self.attributions.append(Attribution(id=aid, chain=chain, evidence=span(self.doc.text, cue), cue=cue))
        return aid

    def claim(self, kind: str, predicate: str, evidence: str, attribution: str, modality: str = "asserted",
              subject: str | None = None, object: str | None = None, sources: tuple[str, ...] = (),  # noqa: A002
              targets: tuple[str, ...] = (), location: str | None = None, date: str | None = None,
              date_text: str | None = None, trigger: str | None = None,
              counts: dict[str, int] | None = None) -> Claim:
        """A claim found at ``evidence``; ``trigger``: its trigger word, found inside the evidence."""
        ev = [span(self.doc.text, evidence)]
        ids = {n: e.id for n, e in self.entities.items()}
        src, tgt = [ids[s] for s in sources], [ids[t] for t in targets]
        subj, obj = ids.get(subject or ""), ids.get(object or "")
        when = None
        if date:
            precision = {4: "year", 7: "month", 10: "day"}[len(date)]
            when = DateInterval(value=date, precision=precision, text=date_text,
                                span=span(self.doc.text, date_text) if date_text else None)
        c = Claim(id=Claim.make_id(self.doc.id, kind, predicate, subj, obj, src, tgt, ev, modality),
                  doc_id=self.doc.id, kind=kind, predicate=predicate, evidence=ev, attribution=attribution,
                  modality=modality, subject=subj, object=obj, sources=src, targets=tgt,
                  location=ids.get(location or ""), date=when, extractor="test", extractor_version="1",
                  confidence=0.8, trigger=span(self.doc.text, trigger, ev[0][0]) if trigger else None,
                  counts=dict(counts or {}))
        self.claims.append(c)
        return c

    def extraction(self) -> Extraction:
        return Extraction(document=self.doc, entities=list(self.entities.values()), attributions=self.attributions,
                          claims=self.claims, pipeline_version="test-1")


def kharkiv_month() -> Report:
    r = Report("Hospital hit in Kharkiv\n\nRussian forces struck a children's hospital in Kharkiv in April 2022, "
               "the regional governor Oleh Synehubov said.", outlet="Kyiv Independent", published="2022-05-02")
    r.entity("Russia", kind="country", surface="Russian forces", dictionary="russia")
    r.entity("Kharkiv", "Location", "city", place=Place(resolved=True, lat=49.99, lon=36.23, country="UA",
                                                        admin1="Kharkiv Oblast", feature="city", geonameid=706483))
    r.entity("Oleh Synehubov", "Person")
    att = r.says("Oleh Synehubov", "said", "Oleh Synehubov")
    r.claim("event", "ASSAULT", "Russian forces struck a children's hospital in Kharkiv in April 2022", att,
            sources=("Russia",), location="Kharkiv", date="2022-04", date_text="April 2022")
    return r


def kharkiv_day() -> Report:
    r = Report("Strike on Kharkiv hospital\n\nOn 12 April 2022 Russian aircraft bombed a hospital in Kharkiv, "
               "Ukraine's health ministry said.", outlet="Reuters", published="2022-04-13")
    r.entity("Russia", kind="country", surface="Russian aircraft", dictionary="russia")
    r.entity("Kharkiv", "Location", "city", place=Place(resolved=True, lat=49.99, lon=36.23, country="UA",
                                                        admin1="Kharkiv Oblast", feature="city", geonameid=706483))
    r.entity("Health Ministry of Ukraine", surface="Ukraine's health ministry", kind="government")
    att = r.says("Ukraine's health ministry", "said", "Health Ministry of Ukraine")
    r.claim("event", "ASSAULT", "On 12 April 2022 Russian aircraft bombed a hospital in Kharkiv", att,
            sources=("Russia",), location="Kharkiv", date="2022-04-12", date_text="12 April 2022")
    return r


def kharkiv_next_year() -> Report:
    r = Report("New strike on Kharkiv\n\nRussian forces struck Kharkiv again on 5 January 2023, "
               "the regional governor Oleh Synehubov said.", outlet="Kyiv Independent", published="2023-01-06")
    r.entity("Russia", kind="country", surface="Russian forces", dictionary="russia")
    r.entity("Kharkiv", "Location", "city", surface="Kharkiv again",
             place=Place(resolved=True, lat=49.99, lon=36.23, country="UA", admin1="Kharkiv Oblast", feature="city",
                         geonameid=706483))
    r.entity("Oleh Synehubov", "Person")
    att = r.says("Oleh Synehubov", "said", "Oleh Synehubov")
    r.claim("event", "ASSAULT", "Russian forces struck Kharkiv again on 5 January 2023", att,
            sources=("Russia",), location="Kharkiv", date="2023-01-05", date_text="5 January 2023")
    return r


def sahel_quote(outlet: str, wording: str) -> Report:
    """The Malian army spokesman quoted on the same attack by ``outlet``, in its own words."""
    r = Report(wording, outlet=outlet, published="2024-03-12", path=f"/reports/sahel-{outlet.lower()}.txt")
    r.entity("JNIM", surface="JNIM", dictionary="jnim", kind="armed_group")
    r.entity("Malian Armed Forces", surface="Malian army", dictionary="fama", kind="military")
    r.entity("Souleymane Dembele", "Person")
    att = r.says("Souleymane Dembele", "said", "Souleymane Dembele")
    sentence = wording.split("\n\n")[-1].split(", Colonel")[0]
    r.claim("event", "ASSAULT", sentence, att, sources=("JNIM",), targets=("Malian Armed Forces",),
            date="2024-03", date_text="March 2024")
    return r


def iran_houthis_asserted() -> Report:
    r = Report("Weapons for Yemen\n\nIran supplies the Houthis with missiles and drones, US officials said on Monday.",
               outlet="Al Jazeera", published="2024-01-15")
    r.entity("Iran", surface="Iran supplies", dictionary="iran", kind="country")
    r.entity("Houthis", surface="Houthis", dictionary="houthis", kind="armed_group")
    att = r.says("US officials", "said")
    r.claim("relation", "supports", "Iran supplies the Houthis with missiles and drones", att,
            subject="Iran", object="Houthis")
    return r


def iran_houthis_denied() -> Report:
    r = Report("Tehran rejects accusation\n\nIran's foreign ministry denied that Tehran arms the Houthis.",
               outlet="IRNA", published="2024-01-16")
    r.entity("Iran", surface="Tehran arms", dictionary="iran", kind="country")
    r.entity("Houthis", surface="Houthis", dictionary="houthis", kind="armed_group")
    r.entity("Iranian Foreign Ministry", surface="Iran's foreign ministry", kind="government")
    att = r.says("Iran's foreign ministry", "denied", "Iranian Foreign Ministry")
    r.claim("relation", "supports", "Tehran arms the Houthis", att, modality="denied", subject="Iran",
            object="Houthis")
    return r
