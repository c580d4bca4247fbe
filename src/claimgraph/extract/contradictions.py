"""Contradictions: claims that cannot all be true, linked with both sides' provenance.

Two steps:

1. **Denials that point back.** "Islamabad has accused the Taliban of supporting
   militants … the Taliban has denied these accusations" — the denial's object is
   anaphoric (``data/modality.yaml`` ``anaphoric_objects``), so what is denied is the
   content of the last accusation before it. Each alleged claim in that accusation's
   scope gets a denied counterpart, attributed to the denier, whose evidence is the
   denial with the denier's coordinated statements ("… and said that …").
2. **Linking.** Claims with the same key — (subject, predicate, object) for relations,
   (type, sources, targets) for events — where one side asserts or alleges and the
   other denies are linked as one :class:`~claimgraph.model.Contradiction`. An
   accusation event and the denial event that rejects it are linked too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.attribution import claim_attribution
from claimgraph.extract.context import DocContext
from claimgraph.extract.modality import cues, is_anaphoric_denial
from claimgraph.extract.syntax import char_span, subject_of
from claimgraph.model import Claim, Contradiction, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Token

EXTRACTOR = "claimgraph.contradictions"
VERSION = "1.0.0"
_FOR = ("asserted", "alleged")


def _key(c: Claim) -> str:
    if c.kind == "relation":
        return f"{c.subject} {c.predicate} {c.object}"
    return f"{' '.join(sorted(c.sources))} {c.predicate} {' '.join(sorted(c.targets))}"


def _denial_evidence(verb: Token) -> tuple[int, int]:
    """The denial clause from its subject to the end of the denier's coordinated statements."""
    subj = subject_of(verb)
    lo = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
    hi = verb.right_edge.i + 1
    return char_span(verb.doc, max(lo, verb.sent.start), min(hi, verb.sent.end))


def resolve_denials(ctx: DocContext) -> dict[str, str]:
    """Add denied counterparts of accused claims; returns {accusation claim id: denial claim id}."""
    deny_lemmas = {w for w, m in cues().self_.items() if m == "denied"}
    accusations = sorted(
        (c for c in ctx.claims if c.kind == "event" and c.predicate == "ACCUSE" and c.trigger),
        key=lambda c: c.trigger or (0, 0),
    )
    events_by_trigger = {c.trigger: c for c in ctx.claims if c.kind == "event" and c.trigger}
    links: dict[str, str] = {}
    new: list[Claim] = []
    for tok in ctx.sdoc:
        if tok.lemma_.lower() not in deny_lemmas or not is_anaphoric_denial(tok):
            continue
        before = [a for a in accusations if a.trigger and a.trigger[1] <= tok.idx]
        blamed = _blaming_statement(ctx, tok, before[-1] if before else None)
        if not before and blamed is None:
            continue
        acc = blamed or before[-1]
        trigger = (tok.idx, tok.idx + len(tok.text))
        denial_event = events_by_trigger.get(trigger)
        if denial_event is not None:
            links[acc.id] = denial_event.id
        scope = next((a.scope for a in ctx.attributions if a.id == acc.attribution and a.scope), None)
        lo, hi = scope if scope else acc.evidence[0]
        accused = [c for c in ctx.claims if c.modality == "alleged" and c.trigger and lo <= c.trigger[0] < hi]
        if acc is blamed:
            accused = [acc]  # the quoted hostile act is itself what is rejected
        att = claim_attribution(ctx, *trigger)
        ev = _denial_evidence(tok)
        for c in accused:
            d = Claim(
                id=Claim.make_id(ctx.document.id, c.kind, c.predicate, c.subject, c.object, c.sources, c.targets, [ev], "denied"),
                doc_id=ctx.document.id,
                kind=c.kind,
                predicate=c.predicate,
                evidence=[ev],
                attribution=att,
                modality="denied",
                subject=c.subject,
                object=c.object,
                role=c.role,
                sources=list(c.sources),
                targets=list(c.targets),
                mode=c.mode,
                location=c.location,
                date=c.date,
                trigger=trigger,
                extractor=EXTRACTOR,
                extractor_version=VERSION,
                confidence=round(min(c.confidence, 0.7), 2),
            )
            new.append(d)
    seen = {c.id for c in ctx.claims}
    for d in new:
        if d.id not in seen:
            seen.add(d.id)
            ctx.claims.append(d)
    return links


def _blaming_statement(ctx: DocContext, denial: Token, last_accusation: Claim | None) -> Claim | None:
    """"'… the government has repeatedly shelled our positions,' X said. A spokesman for the
    army rejected the accusations": when a speaker's own statement that someone did a hostile
    act comes after the last accusation event, that statement is what "the accusations" point to.
    Only asserted hostile events (``blaming_types`` in modality.yaml) attributed to a speaker other
    than the outlet, in the denial's or the two previous sentences."""
    hostile = frozenset(cues().blaming_types)
    sent = denial.sent
    lo_tok = sent.start
    for _ in range(2):
        if lo_tok > 0:
            lo_tok = ctx.sdoc[lo_tok - 1].sent.start
    lo = ctx.sdoc[lo_tok].idx
    after = last_accusation.trigger[1] if last_accusation is not None and last_accusation.trigger else 0
    spoken = {a.id for a in ctx.attributions if not a.is_outlet_only}
    cands = [c for c in ctx.claims if c.kind == "event" and c.predicate in hostile and c.modality == "asserted"
             and c.trigger and max(lo, after) <= c.trigger[0] < denial.idx and c.attribution in spoken
             and c.sources]
    return max(cands, key=lambda c: c.trigger or (0, 0)) if cands else None


def _answered_accusations(ctx: DocContext, linked: dict[str, str]) -> None:
    """"Nigerian officials accused Boko Haram of plotting the attack … The militant group denied
    involvement": a denial by the accused that rejects its accuser answers that accusation."""
    events = sorted((c for c in ctx.claims if c.kind == "event" and c.trigger), key=lambda c: c.trigger or (0, 0))
    answered = set(linked.values())
    for i, den in enumerate(events):
        if den.predicate != "REJECT" or den.modality != "denied" or den.id in answered or not den.targets:
            continue
        for acc in reversed(events[:i]):
            if acc.predicate == "ACCUSE" and set(acc.targets) & set(den.sources) and set(acc.sources) & set(den.targets):
                linked.setdefault(acc.id, den.id)
                break


def link_contradictions(ctx: DocContext) -> None:
    """Resolve anaphoric denials, then link every asserted/alleged vs denied pair of one key."""
    accusation_links = resolve_denials(ctx)
    _answered_accusations(ctx, accusation_links)
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in ctx.claims:
        groups.setdefault((c.kind, _key(c)), []).append(c)
    for (kind, key), claims in sorted(groups.items()):
        pro = [c.id for c in claims if c.modality in _FOR]
        con = [c.id for c in claims if c.modality == "denied"]
        if pro and con:
            ctx.contradictions.append(
                Contradiction(id=stable_id("ctr_", ctx.document.id, kind, key), key=key, claims_for=sorted(pro),
                              claims_against=sorted(con))
            )
    by_id = {c.id: c for c in ctx.claims}
    for acc_id, den_id in sorted(accusation_links.items()):
        acc, den = by_id[acc_id], by_id[den_id]
        key = f"accusation {_key(acc)}"
        ctx.contradictions.append(
            Contradiction(id=stable_id("ctr_", ctx.document.id, "accusation", acc_id, den_id), key=key,
                          claims_for=[acc.id], claims_against=[den.id])
        )
