"""The outlet registry: known sources and publishers, read once from lexicon/sources.tsv.

    registry = load_registry()
    registry.lookup("Медиазона")             # FoundSource(name="Mediazona", ...)
    registry.outlet_for_url("https://meduza.io/en/x")   # "Meduza"
    registry.for_url("https://t.me/rybar/1")           # the Rybar FoundSource

Built once (``load_resources``) and passed explicitly; lookups are memoised on
the object, so nothing needs clearing.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from archive.extract.found import FoundSource
from archive.extract.lexicon import HERE as LEXICON, NONE, _read_table
from archive.kinds import SOURCE_KINDS as KINDS
from archive.names import fold_source

# One key for every spelling, shared with the store and the search filters.
normalize_alias = fold_source

_PLAIN_URL_RE = re.compile(r"(?:https?:)?//(?P<host>[A-Za-z0-9.-]+)(?=[/?#]|$)/*(?P<seg>[^/?#]*)")


def _split(field: str, sep: str) -> list[str]:
    return [] if field == NONE else [p.strip() for p in field.split(sep) if p.strip()]


class Registry:
    """Known sources (``.sources``), their names and aliases, and the hosts that name a publisher."""

    def __init__(self, root: Path = LEXICON):
        table = _read_table(root / "sources.tsv")
        sources: list[FoundSource] = []
        publishers: dict[str, str] = {}
        for name, kind, domains, aliases in table.rows:
            if kind not in KINDS:
                raise ValueError(f"sources.tsv: {name!r} has kind {kind!r}, not one of {KINDS}")
            doms = [d.lower() for d in _split(domains, ",")]
            alias_list = tuple(dict.fromkeys(a for a in _split(aliases, ";") if a != name))
            sources.append(FoundSource(name=name, kind=kind, domain=doms[0] if doms else None, aliases=alias_list))
            for d in doms:
                publishers.setdefault(d, name)
        for host, name in _read_table(root / "publisher_hosts.tsv").rows:
            publishers.setdefault(host, name)
        parts = _read_table(root / "url_parts.tsv")
        self.host_prefixes = tuple(p for p, roles in parts.rows if "host-prefix" in roles.split(","))
        self.second_level = parts.where("roles", "second-level")
        self.tlds = tuple(p for p, roles in parts.rows if "tld" in roles.split(","))
        self.handle_suffixes = tuple(p for p, roles in parts.rows if "handle-suffix" in roles.split(","))
        self.sources: tuple[FoundSource, ...] = tuple(sources)
        self.publishers: dict[str, str] = publishers  # host (or host/segment) -> source name
        self.by_name: dict[str, FoundSource] = {s.name: s for s in self.sources}
        self._by_key: dict[str, FoundSource] = {}
        for s in self.sources:
            for a in (s.name, *s.aliases):
                self._by_key.setdefault(normalize_alias(a), s)
        self._lookups: dict[str | None, FoundSource | None] = {}
        self._urls: dict[str | None, FoundSource | None] = {}

    def __len__(self) -> int:
        return len(self.sources)

    def surfaces(self) -> list[tuple[str, FoundSource]]:
        """Every name and alias as written, with its source (other extractors use it to skip outlet names)."""
        return [(a, s) for s in self.sources for a in (s.name, *s.aliases)]

    def lookup(self, name: str | None) -> FoundSource | None:
        """The registry entry a name or alias stands for, if any."""
        try:
            return self._lookups[name]
        except KeyError:
            pass
        known = None
        if name:
            known = self._by_key.get(normalize_alias(name))
            if known is None and name.endswith(")") and " (" in name:
                # "HUR (Defence Intelligence of Ukraine)": an acronym and its expansion, either one known
                head, _, rest = name[:-1].partition(" (")
                known = self._by_key.get(normalize_alias(head)) or self._by_key.get(normalize_alias(rest))
        self._lookups[name] = known
        return known

    def _publisher_name(self, host: str, seg: str) -> str | None:
        bare = host
        for prefix in self.host_prefixes:
            if bare.startswith(prefix):
                bare = bare[len(prefix):]
                break
        candidates = [bare]
        labels = bare.split(".")
        while len(labels) > 2 and not (len(labels) == 3 and labels[1] in self.second_level):
            labels = labels[1:]
            candidates.append(".".join(labels))
        publishers = self.publishers
        for h in candidates:
            if seg:
                name = publishers.get(f"{h}/{seg}")
                if name:
                    return name
            name = publishers.get(h)
            if name:
                return name
        return None

    def for_url(self, url: str | None) -> FoundSource | None:
        """The registry source whose domain a URL is on (t.me/<handle> included)."""
        try:
            return self._urls[url]
        except KeyError:
            pass
        found = None
        if url and not url.startswith("#"):
            host, seg = host_and_path(url)
            if host:
                name = self._publisher_name(host, seg)
                found = self.by_name.get(name) if name else None
        if len(self._urls) < 65536:
            self._urls[url] = found
        return found

    def outlet_for_url(self, url: str | None) -> str | None:
        """The publisher of an article URL: the registry's name for its host
        (themoscowtimes.com -> "The Moscow Times", bbc.com/russian -> "BBC Russian"),
        else the host without "www."."""
        if not url:
            return None
        host, seg = host_and_path(url)
        if not host:
            return None
        return self._publisher_name(host, seg) or host.removeprefix("www.")


def host_and_path(url: str) -> tuple[str, str]:
    url = url.strip().strip("<>")
    if "//" not in url.split("?")[0][:12]:
        url = "//" + url
    m = _PLAIN_URL_RE.match(url)
    if m:  # the common case without urlsplit's generality: scheme://host/path
        return m.group("host").lower().rstrip("."), m.group("seg").lower()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    seg = parts.path.strip("/").split("/")[0].lower() if parts.path else ""
    return host, seg


def load_registry(root: Path = LEXICON) -> Registry:
    return Registry(root)


# Module-level conveniences: the registry is always passed.
def lookup_source(name: str | None, registry: Registry) -> FoundSource | None:
    return registry.lookup(name)


def outlet_for_url(url: str | None, registry: Registry) -> str | None:
    return registry.outlet_for_url(url)


def source_for_url(url: str | None, registry: Registry) -> FoundSource | None:
    return registry.for_url(url)
