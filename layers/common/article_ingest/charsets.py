"""Bytes -> text: which charset an input is in.

Order of trust: a byte-order mark (unless the bytes contradict it), the Content-Type
header's charset, valid UTF-8 with multi-byte sequences, the document's own
declaration (<meta charset>, the XML declaration), UTF-16 without a BOM, valid UTF-8,
then statistical detection among the encodings the web uses. Only the WHATWG
Encoding Standard's labels are honoured.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


# WHATWG: these labels mean windows-1252 on the web.
_CHARSET_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "x-sjis": "cp932",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
}
# WHATWG labels Python's codec registry does not know by that name.
_CHARSET_ALIASES.update(
    {
        "windows-874": "cp874",
        "x-sjis": "cp932",
        "x-mac-cyrillic": "mac-cyrillic",
        "x-mac-roman": "mac-roman",
        "iso-8859-8-i": "iso8859-8",
        "unicode-1-1-utf-8": "utf-8",
        "unicode11utf8": "utf-8",
        "unicode20utf8": "utf-8",
        "x-unicode20utf8": "utf-8",
        "x-gbk": "gb18030",
        "big5-hkscs": "big5hkscs",
        "x-euc-jp": "euc_jp",
        "ms932": "cp932",
        "windows-31j": "cp932",
    }
)
# The codecs of the WHATWG Encoding Standard's encodings: a declared label that names
# anything else (rot13, base64, hex, zlib, uu, idna, utf-7, unicode-escape ...) is
# ignored like an unknown label. Python's registry also holds transforms that are no
# text encodings at all; honouring them turned a meta tag into a crash.
_WEB_CODECS = frozenset(
    {
        "utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp866", "iso8859-2", "iso8859-3",
        "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10",
        "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u",
        "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253",
        "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "big5",
        "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
    }
)  # fmt: skip
_META_SCAN_BYTES = 4096
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
_DETECT_BYTES = 200_000
_WEB_ENCODINGS = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp874", "koi8_r", "koi8_u", "iso8859_2", "iso8859_15", "shift_jis", "cp932",
    "euc_jp", "iso2022_jp", "gb18030", "big5", "euc_kr",
]  # fmt: skip
# Punctuation Western pages use beyond ASCII (quotes, dashes, NBSP, currency, ...).
_WESTERN_PUNCTUATION = frozenset("\xa0«»“”‘’„‚–—…•·€£¥¢°§©®™±×÷¿¡¶†‡‰′″¹²³¼½¾ªº¦¨¯´¸\xad")
# Calibrated on French/German/Spanish prose: 2-10 % of letters carry accents.
_MAX_NON_ASCII_LETTER_SHARE = 0.3


def _bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


def _bom_fits(data: bytes, name: str) -> bool:
    """Whether the bytes after a byte-order mark are in the encoding it announces.
    UTF-16/32 markup always holds NUL bytes (every ASCII character has one), so NUL-free
    valid UTF-8 after such a mark is UTF-8 that merely starts with those bytes."""
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return False
    return name == "utf-8" or b"\x00" in data or _as_utf8(data) is None


def _codec(name: str | None) -> str | None:
    """Python's codec for a declared charset name, WHATWG-style; None when unknown."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in _WEB_CODECS else None


def _meta_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta> or the XML declaration)."""
    m = _META_CHARSET_RE.search(raw[:_META_SCAN_BYTES])
    if not m:
        return None
    codec = _codec((m.group(1) or m.group(2)).decode("ascii", "replace"))
    # A page cannot declare itself UTF-16 in ASCII-compatible bytes (HTML spec: utf-8).
    return "utf-8" if codec and codec.startswith("utf-16") else codec


def _utf16_without_bom(raw: bytes) -> str | None:
    """utf-16-le/be when NUL bytes sit on one side of mostly-ASCII code units."""
    sample = raw[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _plausible_cp1252(raw: bytes) -> bool:
    """Western text: decodes as cp1252 to Latin letters and common punctuation, with
    few non-ASCII letters. Statistical detectors often call such short pages
    mac_latin2 or cp1257; Cyrillic or CJK bytes fail the letter-share test."""
    try:
        text = raw[:_DETECT_BYTES].decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = non_ascii = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ord(ch) > 127:
                non_ascii += 1
                if "LATIN" not in unicodedata.name(ch, ""):
                    return False
        elif ord(ch) > 127 and ch not in _WESTERN_PUNCTUATION:
            return False
    return letters > 0 and non_ascii / letters <= _MAX_NON_ASCII_LETTER_SHARE


def _detect(raw: bytes) -> str:
    """Statistical detection among the encodings the web uses; cp1252 by default."""
    if _plausible_cp1252(raw):
        return "cp1252"
    import charset_normalizer  # imported here: only undeclared legacy bytes need it

    best = charset_normalizer.from_bytes(raw[:_DETECT_BYTES], cp_isolation=_WEB_ENCODINGS).best()
    return _codec(best.encoding) or "cp1252" if best else "cp1252"


def _as_utf8(raw: bytes) -> str | None:
    """The bytes decoded as UTF-8, or None when they are not valid UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode(raw: bytes, declared: str | None, is_html: bool) -> tuple[str, str]:
    """Decode by the first that speaks: BOM, the Content-Type charset, valid UTF-8
    with multi-byte sequences, the document's own declaration, UTF-16 without a BOM,
    valid UTF-8, then statistical detection. Undecodable bytes become U+FFFD (removed
    later by normalize.clean_inline)."""
    bom = _bom_encoding(raw)
    if bom:
        name, length = bom
        if _bom_fits(raw[length:], name):
            return raw[length:].decode(name, errors="replace"), name
        # The bytes contradict the mark (a UTF-8 BOM before cp1252 text): they win,
        # read as if the mark were not there.
        raw = raw[length:]
    header = _codec(declared)
    if header:
        return raw.decode(header, errors="replace"), header
    # Decoded once: valid UTF-8 with multi-byte sequences is UTF-8 whatever the page's
    # own <meta> says (legacy text is almost never valid UTF-8 by chance; a CMS that
    # re-encoded its pages keeps the old declaration).
    utf8 = _as_utf8(raw)
    if utf8 is not None and not raw.isascii():
        return utf8, "utf-8"
    meta = _meta_charset(raw) if is_html else None
    if meta:
        return raw.decode(meta, errors="replace"), meta
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16, errors="replace"), utf16
    if utf8 is not None:
        return utf8, "utf-8"
    codec = _detect(raw)
    return raw.decode(codec, errors="replace"), codec
