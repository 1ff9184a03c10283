"""Text normalisation and the fields derived from the body (ids, hashes, tickers)."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from .timestamp import Timestamp

# Characters that carry no text: C0/C1 controls (but tab/newline), zero-width and
# bidi controls (a classic way to hide or reorder text), the BOM, soft hyphen, and
# U+FFFD, which stands for bytes that were not valid in the input's charset.
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\ufffd]"
)
_SPACE_RE = re.compile(r"\s+")
# ISO 8601 as the Article states times: a date, or a date and time with an optional
# fraction and offset (Z or ±hh:mm).
_ISO_DATETIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?"
)
_LANGUAGE_RE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]{1,8})*")
MAX_URL_LENGTH = 2048
# Characters a URL keeps as they are (RFC 3986 reserved and unreserved, and "%" of an
# existing escape); anything else is percent-encoded as UTF-8. The apostrophe is
# encoded too: it would end a single-quoted attribute.
_PATH_SAFE = "/!$&()*+,;=:@%"
_QUERY_SAFE = _PATH_SAFE + "?"
_STRAY_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_LABEL_RE = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_IPV4_PART_RE = re.compile(r"0[xX][0-9a-fA-F]*|[0-9]+")
_WORD_RE = re.compile(r"\w+")
_NON_WORD_RE = re.compile(r"[\W_]+")

# Tickers: a cashtag ($SPY), an exchange-prefixed symbol (NYSE: IBM), or a symbol in
# parentheses right after a security's name ("Invesco QQQ Trust (QQQ)").
_CASHTAG_RE = re.compile(r"(?<![\w$])\$([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\b")
_EXCHANGE_RE = re.compile(
    r"\b(?:NYSE|NASDAQ|Nasdaq|AMEX|NYSEARCA|NYSE Arca|NYSE American|OTC|TSX|LSE|ASX|HKEX|BATS|CBOE)"
    r"\s*:\s*([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\b"
)
_PAREN_SYMBOL_RE = re.compile(r"\(([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\)")
# Words that end the name of a listed security. Calibrated on financial news style
# ("Apple Inc. (AAPL)", "SPDR S&P 500 ETF (SPY)"); an acronym after other words
# ("European Union (EU)") is an abbreviation, not a ticker.
_SECURITY_NAME_END_RE = re.compile(
    r"(?:\b(?:ETF|ETFs|ETN|Trust|Fund|Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|PLC|"
    r"Holdings|Group|SA|AG|NV|SE|Technologies|Industries|Motors|Bancorp|REIT|Shares|"
    r"Pharmaceuticals|Therapeutics|Energy|Airlines|Stock|stock|shares)\.?,?\s*)$"
)


def clean_inline(text: str) -> str:
    """NFC, invisible characters removed, every run of white space (NBSP too) one space."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def text_key(text: str) -> str:
    """A comparison key for two spellings of one text: NFKC, case-folded, letters and
    digits only (punctuation, quotes and white space ignored)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD_RE.sub(" ", folded).split())


def iso_datetime(value: str | None) -> str | None:
    """The value when it is a valid ISO 8601 date or date-time; else None (never a guess)."""
    value = clean_inline(value) if value else ""
    if not _ISO_DATETIME_RE.fullmatch(value) or Timestamp.parse(value) is None:
        return None
    return value


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a language tag ("en-US" -> "en"); None when it is not one."""
    m = _LANGUAGE_RE.fullmatch(clean_inline(value).lower()) if value else None
    return m.group(1) if m else None


def http_url(value: str | None, *, public: bool = False) -> str | None:
    """A well-formed absolute http(s) URL of at most MAX_URL_LENGTH characters, or None.

    Invisible characters are removed; every character a URI may not hold (quotes,
    angle brackets, non-ASCII ...) is percent-encoded, a non-ASCII host is IDNA-encoded
    and a numeric host written as dotted IPv4 (as a browser reads it). None for
    anything else: javascript:, data:, relative, spaces, backslashes, credentials, a
    malformed host or port. With `public`, hosts that are loopback, private,
    link-local or otherwise not global (169.254.169.254, localhost) are None too.
    """
    value = clean_inline(value) if value else ""
    if not value or len(value) > MAX_URL_LENGTH or " " in value or "\\" in value:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    host = url_host(parts.hostname, bracketed="[" in parts.netloc, public=public)
    if host is None:
        return None
    netloc = host if port is None else f"{host}:{port}"
    encoded = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            _percent_encode(parts.path, _PATH_SAFE),
            _percent_encode(parts.query, _QUERY_SAFE),
            _percent_encode(parts.fragment, _QUERY_SAFE),
        )
    )
    return encoded if len(encoded) <= MAX_URL_LENGTH else None


def _percent_encode(component: str, safe: str) -> str:
    return quote(_STRAY_PERCENT_RE.sub("%25", component), safe=safe)


def _whatwg_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address a host ending in a number stands for, read as browsers read it
    (2852039166, 0xA9FEA9FE, 0251.0376.0251.0376, 169.254.43518); None when the host
    does not end in a number. Raises ValueError when it does but is no address."""
    labels = host.removesuffix(".").split(".")
    if not _IPV4_PART_RE.fullmatch(labels[-1]):
        return None
    if len(labels) > 4 or not all(_IPV4_PART_RE.fullmatch(label) for label in labels):
        raise ValueError(host)
    numbers = []
    for label in labels:
        if label[:2].lower() == "0x":
            numbers.append(int(label[2:] or "0", 16))
        elif len(label) > 1 and label.startswith("0"):
            numbers.append(int(label, 8))
        else:
            numbers.append(int(label))
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(host)
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return address.is_global and not address.is_multicast


def url_host(hostname: str, *, bracketed: bool, public: bool) -> str | None:
    """The host of a URL as it is written back (IDNA, dotted IPv4, compressed IPv6);
    None when it is malformed, or not public when `public` is asked for."""
    try:
        if bracketed:
            v6 = ipaddress.IPv6Address(hostname)
            return None if public and not _is_public(v6) else f"[{v6.compressed}]"
        host = hostname if hostname.isascii() else hostname.encode("idna").decode("ascii")
        host = host.lower()
        v4 = _whatwg_ipv4(host)
    except (ValueError, UnicodeError):
        return None
    if v4 is not None:
        return None if public and not _is_public(v4) else str(v4)
    labels = host.removesuffix(".").split(".")
    if len(host) > 253 or not all(_HOST_LABEL_RE.fullmatch(label) for label in labels):
        return None
    if public and (labels[-1] == "localhost" or len(labels) == 1):
        return None
    return host


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Clean each paragraph and drop the empty ones."""
    out = []
    for p in paragraphs:
        cleaned = clean_inline(p)
        if cleaned:
            out.append(cleaned)
    return out


def word_count(text: str) -> int:
    """Words as the benchmark scorer counts them (Unicode `\\w+` runs)."""
    return len(_WORD_RE.findall(text))


def sha256_hex(data: str | bytes) -> str:
    """Hex SHA-256 of bytes or of a string's UTF-8 encoding."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def normalise_url(url: str) -> str:
    """A URL in the form used for ids: lower-case scheme and host, no fragment, no
    tracking parameters, no trailing slash on the path."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(("utm_", "fbclid", "gclid", "mc_", "ocid"))
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def article_id(*, canonical_url: str | None, url: str | None, content_sha256: str) -> str:
    """Stable id: from the canonical URL when known, else the given URL, else the body."""
    for candidate in (canonical_url, url):
        if candidate and candidate.lower().startswith(("http://", "https://")):
            return sha256_hex("url:" + normalise_url(candidate))[:32]
    return sha256_hex("content:" + content_sha256)[:32]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isalpha()).upper()


def find_tickers(text: str) -> list[str]:
    """Stock symbols the text names, sorted: cashtags, exchange-prefixed symbols and
    parenthesised symbols that follow a security's name."""
    found = set(_CASHTAG_RE.findall(text)) | set(_EXCHANGE_RE.findall(text))
    for m in _PAREN_SYMBOL_RE.finditer(text):
        symbol = m.group(1)
        before = text[max(0, m.start() - 80) : m.start()]
        words = before.split()
        # "Exchange-Traded Fund (ETF)": the symbol spells the preceding words' initials.
        if _initials(words[-len(symbol) :]) == symbol:
            continue
        if _SECURITY_NAME_END_RE.search(before) or symbol in found:
            found.add(symbol)
    return sorted(found)
