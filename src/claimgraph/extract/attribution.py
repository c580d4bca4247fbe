"""Attribution: who says so, and which text each speaker covers.

Every claim gets an attribution chain, outermost first: the outlet, then each
speaker as written. This stage finds the reporting frames of English news text
and records, in ``ctx.attribution_scopes``, the stretch of text each one covers,
so that ``ctx.attribution_for(start, end)`` gives any later claim its speaker.

Frames recognised (cue words in ``data/reporting.yaml``):

* reporting verbs with a clause or a quote: "A told B that …", "A said/says/added/
  announced (in a report) that …", "…," the source added.
* "according to A" (and "A's investigation/report" as the speaker A);
* speech acts of named actors: "Islamabad has accused X of …", "the Taliban has
  denied these accusations" — the actor becomes the speaker of the clause;
* evidence verbs with a document subject: "the agreement shows that …" — the
  outlet speaking through its evidence;
* follow-ups: "the source added" (a source noun with the definite article, or a
  pronoun) continues the last introduced source instead of inventing a new one.

The attribution's ``evidence`` is the frame itself ("A source close to X told Y
that"), never the reported content. The outlet alone (``document.outlet``) is the
default attribution, also set as ``ctx.outlet_attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.extract.context import DocContext
from claimgraph.extract.syntax import Actors, char_span, subject_of
from claimgraph.model import Attribution, Speaker, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

EXTRACTOR = "claimgraph.attribution"
VERSION = "1.0.0"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'", "``", "''"})


@dataclass(frozen=True)
class ReportingCues:
    verbs: frozenset[str]
    speech_acts: dict[str, str]
    evidence_verbs: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    source_nouns: frozenset[str]
    document_nouns: frozenset[str]


@lru_cache(maxsize=1)
def reporting_cues() -> ReportingCues:
    d = load_yaml("reporting.yaml")
    return ReportingCues(
        verbs=frozenset(d["verbs"]),
        speech_acts=dict(d["speech_acts"]),
        evidence_verbs=frozenset(d["evidence_verbs"]),
        prepositions=tuple(tuple(p.split()) for p in d["prepositions"]),
        source_nouns=frozenset(d["source_nouns"]),
        document_nouns=frozenset(d["document_nouns"]),
    )


@dataclass
class _Frame:
    cue: str
    cue_token: int  # token index of the cue word
    frame: tuple[int, int]  # char span of the reporting frame (evidence)
    scope: tuple[int, int]  # char span covered
    speaker_text: str | None  # None → the outlet itself
    speaker_entity: str | None
    speaker_span: tuple[int, int] | None
    follow_up: bool = False


class _Builder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.cues = reporting_cues()
        self.actors = Actors.build(ctx)
        self.outlet_entity = self._outlet_entity()
        self.last_source: Attribution | None = None
        self.by_id: dict[str, Attribution] = {}
        self.text = ctx.document.text  # Doc.text is rebuilt on every access

    def _outlet_entity(self) -> str | None:
        outlet = (self.ctx.document.outlet or "").strip().lower()
        if not outlet:
            return None
        for e in self.ctx.entities:
            if e.name.lower() == outlet or any(a.lower() == outlet for a in e.aliases):
                return e.id
        return None

    # -- frame finders ------------------------------------------------------------------

    def frames(self, sent: SpacySpan) -> list[_Frame]:
        out: list[_Frame] = []
        toks = list(sent)
        for k, tok in enumerate(toks):
            low = tok.lower_
            for prep in self.cues.prepositions:
                if low == prep[0] and all(
                    k + j < len(toks) and toks[k + j].lower_ == w for j, w in enumerate(prep)
                ):
                    f = self._according(sent, toks, k, len(prep))
                    if f is not None:
                        out.append(f)
            if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
                f = self._verb_frame(sent, tok)
                if f is not None:
                    out.append(f)
        return out

    def _according(self, sent: SpacySpan, toks: list[Token], k: int, n: int) -> _Frame | None:
        last = toks[k + n - 1]
        obj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((c for c in toks[k].children for c2 in [c] if c2.dep_ in ("pobj", "prep")), None)
            if obj is not None and obj.dep_ == "prep":
                obj = next((c for c in obj.children if c.dep_ == "pobj"), None)
        if obj is None:
            if k + n < len(toks):
                obj = toks[k + n]
            else:
                return None
        start_i = toks[k].i
        end_i = obj.right_edge.i + 1
        frame = char_span(sent.doc, start_i, end_i)
        if start_i == sent.start or (start_i - sent.start <= 2 and toks[0].is_punct is False and toks[0].pos_ in ("ADV", "CCONJ")):
            scope = (frame[1], sent.end_char)
        else:
            scope = (sent.start_char, frame[0])
        text, ent, span = self._speaker(obj)
        return _Frame(cue=" ".join(t.lower_ for t in toks[k : k + n]), cue_token=toks[k].i, frame=frame,
                      scope=scope, speaker_text=text, speaker_entity=ent, speaker_span=span)

    def _verb_frame(self, sent: SpacySpan, verb: Token) -> _Frame | None:
        lemma = verb.lemma_.lower()
        cues = self.cues
        kind = None
        if lemma in cues.speech_acts:
            kind = "speech_act"
        elif lemma in cues.verbs:
            kind = "report"
        elif lemma in cues.evidence_verbs:
            kind = "evidence"
        if kind is None:
            return None
        comp = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")), None)
        if comp is None:
            # "announced in a report that …": the that-clause may hang under the verb's object
            comp = next((t for t in verb.subtree if t.i > verb.i and t.dep_ in ("ccomp", "acl", "relcl")
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)), None)
        quote_in_sentence = any(t.text in _QUOTES for t in sent)
        if kind == "report" and comp is None and (not quote_in_sentence or verb.dep_ not in ("ROOT", "parataxis")):
            return None  # "what they say" inside a quote is not a frame; '"…," X said.' is
        if kind == "evidence" and comp is None:
            return None
        subj = subject_of(verb)
        if subj is None:
            return None
        if verb.dep_ in ("xcomp",) and kind == "report":
            return None
        # the frame: subject … verb, the addressee ("told B"), "in a report", and "that"
        start_i = min(subj.left_edge.i, verb.i)
        if subj.i > verb.i:  # '"…," the source added' / 'said the source'
            start_i = min(verb.i, subj.left_edge.i)
        end_i = max(verb.i, subj.right_edge.i if subj.i > verb.i else verb.i) + 1
        comp_start = comp.left_edge.i if comp is not None and comp.i > verb.i else len(sent.doc)
        for c in verb.children:
            if c.i < verb.i or c.i >= comp_start or c.sent.start != sent.start:
                continue
            if c.dep_ in ("dative", "iobj") or (c.dep_ == "dobj" and (kind == "report" or self.actors.at(c) is None)):
                end_i = max(end_i, min(c.right_edge.i + 1, comp_start))
            elif c.dep_ == "prep" and c.lower_ in ("in", "to") and kind == "report":
                end_i = max(end_i, min(c.right_edge.i + 1, comp_start))
        if comp is not None and comp.i > verb.i:
            mark = next((m for m in comp.children if m.dep_ == "mark" and m.lower_ in ("that", "whether")), None)
            if mark is not None:
                end_i = max(end_i, mark.i + 1)
        frame = char_span(sent.doc, start_i, end_i)
        if kind == "speech_act":
            # the actor's clause, the act itself included (the accusation is the actor's claim)
            scope = (frame[0], sent.doc[verb.right_edge.i].idx + len(sent.doc[verb.right_edge.i].text))
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i:
                    scope = (frame[0], sent.doc[c.left_edge.i].idx)
                    break
        elif comp is not None and comp.i < verb.i or (comp is None and subj.i > verb.i) or not self._after(frame, sent):
            # '"…," X told VOA.': the frame closes the sentence, so it covers what comes before
            scope = (sent.start_char, frame[0])
        else:
            scope = (frame[1], sent.end_char)
        if scope[1] <= scope[0]:
            scope = (sent.start_char, sent.end_char)
        text, ent, span = self._speaker(subj)
        if kind == "evidence":
            # "the agreement shows that …": a document as subject → the outlet speaks through it
            if ent is not None and self.actors.type_of(ent) not in ("Agreement", None) and ent != self.outlet_entity:
                return None
            if ent is None and subj.lemma_.lower() not in self.cues.document_nouns:
                return None
            text, ent, span = None, None, None
        follow_up = False
        if kind == "report" and ent is None:
            head = subj.lemma_.lower()
            dets = [c.lower_ for c in subj.children if c.dep_ in ("det", "poss")]
            mods = [c for c in subj.children if c.dep_ not in ("det", "punct")]
            if subj.lower_ in _PRONOUNS or (head in self.cues.source_nouns and dets in (["the"], ["this"], ["that"]) and not mods):
                follow_up = True
            elif head not in self.cues.source_nouns and subj.lower_ not in self.cues.source_nouns:
                return None
        if kind == "speech_act" and ent is None:
            return None
        return _Frame(cue=verb.lemma_.lower(), cue_token=verb.i, frame=frame, scope=scope,
                      speaker_text=text, speaker_entity=ent, speaker_span=span, follow_up=follow_up)

    def _after(self, frame: tuple[int, int], sent: SpacySpan) -> bool:
        """Is there any text (beyond punctuation) after the frame in its sentence?"""
        rest = self.text[frame[1] : sent.end_char]
        return any(ch.isalnum() for ch in rest)

    def _speaker(self, tok: Token) -> tuple[str | None, str | None, tuple[int, int] | None]:
        """(text as written, entity id or None, span) of a speaker phrase headed by ``tok``."""
        doc = tok.doc
        lemma = tok.lemma_.lower()
        # "A's investigation" / "the UN report" → A
        if lemma in self.cues.document_nouns and self.actors.at(tok) is None:
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "nmod"):
                    ents = self.actors.of_np(c)
                    if ents:
                        span = char_span(doc, c.left_edge.i, c.i + 1)
                        return self.text[span[0] : span[1]], ents[0], span
            return None, None, None
        span = char_span(doc, tok.left_edge.i, tok.right_edge.i + 1)
        # drop a trailing relative/appositive clause from long subjects
        text = self.text[span[0] : span[1]]
        ent = self.actors.at(tok)
        if ent is None and tok.pos_ == "PROPN":
            ents = self.actors.of_np(tok)
            ent = ents[0] if ents else None
        if ent is None and tok.pos_ == "NOUN":
            # "Kyiv's mayor Vitali Klitschko, in a post on Telegram, said": the named apposition speaks
            ent = next((e for c in tok.children if c.dep_ == "appos" and (e := self.actors.at(c))), None)
        if ent is None:
            # "police said", "Palestinian officials told …": the unnamed group speaks
            ent = self.actors.agent_at(tok)
        return text, ent, span

    # -- building attributions ----------------------------------------------------------

    def chain_for(self, frame: _Frame) -> list[Speaker]:
        outlet = Speaker(text=self.ctx.document.outlet or "the outlet", entity_id=self.outlet_entity)
        enclosing_id = self.ctx.attribution_for(*frame.frame)
        enclosing = self.by_id.get(enclosing_id or "")
        base = list(enclosing.chain) if enclosing is not None else [outlet]
        if frame.speaker_text is None or (frame.speaker_entity and frame.speaker_entity == self.outlet_entity):
            return base
        return [*base, Speaker(text=frame.speaker_text, entity_id=frame.speaker_entity, span=frame.speaker_span)]

    def add(self, frame: _Frame) -> None:
        ctx = self.ctx
        if frame.follow_up and self.last_source is not None:
            ctx.attribution_scopes.append((frame.scope[0], frame.scope[1], self.last_source.id))
            return
        chain = self.chain_for(frame)
        att = Attribution(
            id=stable_id("att_", ctx.document.id, list(frame.frame), frame.cue),
            chain=chain,
            evidence=frame.frame,
            cue=frame.cue,
            scope=frame.scope,
        )
        if att.id in self.by_id:
            return
        ctx.attributions.append(att)
        self.by_id[att.id] = att
        ctx.attribution_scopes.append((frame.scope[0], frame.scope[1], att.id))
        if frame.speaker_text is not None and (frame.speaker_entity is None
                                               or self.actors.type_of(frame.speaker_entity) == "Group"):
            self.last_source = att
        elif frame.speaker_entity is not None and self.actors.type_of(frame.speaker_entity) == "Person":
            self.last_source = att


def find_attributions(ctx: DocContext) -> None:
    """Add the outlet attribution and one attribution per reporting frame (see the module docstring)."""
    outlet_name = ctx.document.outlet or "the outlet"
    b = _Builder(ctx)
    outlet = Attribution(
        id=stable_id("att_", ctx.document.id, "outlet"),
        chain=[Speaker(text=outlet_name, entity_id=b.outlet_entity)],
        cue=None,
    )
    ctx.attributions.append(outlet)
    b.by_id[outlet.id] = outlet
    ctx.outlet_attribution = outlet.id
    for sent in ctx.sdoc.sents:
        for frame in b.frames(sent):
            b.add(frame)


def claim_attribution(ctx: DocContext, start: int, end: int) -> str | None:
    """The attribution of a claim whose trigger is [start, end).

    Like ``ctx.attribution_for``, but a speech act's own frame ("Prigozhin told X, '…'")
    yields to an enclosing reporter ("Sources say that Prigozhin told …"): the act is
    what the reporter relates. With no enclosing reporter the actor's own frame stands.
    """
    covering: list[tuple[int, str]] = []
    for s, e, aid in ctx.attribution_scopes:
        if s <= start and end <= e:
            covering.append((e - s, aid))
    if not covering:
        return ctx.outlet_attribution
    covering.sort()
    by_id = {a.id: a for a in ctx.attributions}
    inner = by_id.get(covering[0][1])
    if inner is not None and inner.evidence and inner.evidence[0] <= start and end <= inner.evidence[1] and len(covering) > 1:
        return covering[1][1]
    return covering[0][1]
