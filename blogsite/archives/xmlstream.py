"""Reading export XML safely and a record at a time.

Exports run to hundreds of megabytes and come from strangers, so:

* the parser is defusedxml's: a DTD is refused outright. Blogger and WordPress
  never write one, and a DTD is what billion-laughs (entity expansion) and
  XXE (reading local files through external entities) need;
* the file is fed in chunks and every record (an Atom ``<entry>``, a WXR
  ``<item>``) is dropped as soon as its parser has read it, so memory holds
  one record, not the whole tree;
* every refusal is an ArchiveError naming the line and column, with a
  one-line reason a blog owner can act on.
"""
import codecs
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers import expat

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import DefusedXMLParser

from .records import ArchiveError

CHUNK = 64 * 1024
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# expat's own wording, made readable for someone holding a broken export.
_CODE = expat.errors.codes
_REASONS = {
    _CODE[expat.errors.XML_ERROR_NO_ELEMENTS]: "the file ends before the XML does (truncated?)",
    _CODE[expat.errors.XML_ERROR_UNCLOSED_TOKEN]: "the file ends inside a tag (truncated?)",
    _CODE[expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION]: "the file ends inside a CDATA section (truncated?)",
    _CODE[expat.errors.XML_ERROR_UNBOUND_PREFIX]: (
        "not well-formed XML: a namespace prefix is used but never declared"
    ),
    _CODE[expat.errors.XML_ERROR_TAG_MISMATCH]: (
        "not well-formed XML: a closing tag does not match the open one"
    ),
    _CODE[expat.errors.XML_ERROR_INVALID_TOKEN]: "not well-formed XML: invalid character or token",
}


def local(tag):
    """``{namespace}name`` -> ``name``: exports disagree on namespace versions."""
    return tag.rpartition("}")[2]


def child_text(element, name, default=""):
    """Text of the first direct child called ``name`` (any namespace)."""
    for child in element:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return default


class Located(Element):
    """An element that remembers the line its start tag was on."""

    line = None


class _Target:
    """TreeBuilder that also notes where each element starts.

    Parsers report problems by line, so each element carries the line its
    start tag was on (``element.line``), read from expat as it happens.
    """

    def __init__(self, on_start, on_end):
        self._builder = TreeBuilder(element_factory=Located)
        self._on_start, self._on_end = on_start, on_end
        self.expat = None

    def start(self, tag, attrs):
        element = self._builder.start(tag, attrs)
        element.line = self.expat.CurrentLineNumber
        self._on_start(element)
        return element

    def end(self, tag):
        element = self._builder.end(tag)
        self._on_end(element)
        return element

    def data(self, data):
        self._builder.data(data)

    def close(self):
        return self._builder.close()


def records(*, path, root, depth, text=None):
    """Yield each complete element ``depth`` levels below the root, then drop it.

    The file at ``path`` is read in binary chunks, unless ``text`` is given
    (``parse(text)``, tests); ``path`` then only names it in messages. ``root`` is the local name the document
    element must have. WXR items sit at depth 2 (rss/channel/item), Atom
    entries at depth 1; feed-level elements at that depth (titles, links)
    are yielded too, in file order, so parsers see the header first.
    """
    path = Path(path)
    stack, ready = [], []

    def on_start(element):
        if not stack and local(element.tag) != root:
            found = local(element.tag)
            raise ArchiveError(path, element.line, f"expected a <{root}> document, found <{found}>")
        stack.append(element)

    def on_end(element):
        stack.pop()
        if len(stack) == depth:
            ready.append((element, stack[-1] if stack else None))

    target = _Target(on_start, on_end)
    parser = DefusedXMLParser(target=target, forbid_dtd=True)
    target.expat = parser.parser
    fed = False
    try:
        for chunk in _chunks(text, path):
            fed = fed or bool(chunk.strip())
            parser.feed(chunk)
            yield from _drain(ready)
        if not fed:
            raise ArchiveError(path, 1, "the file is empty")
        parser.close()
        yield from _drain(ready)
    except ParseError as error:
        line, column = error.position
        reason = _REASONS.get(error.code) or f"not well-formed XML: {expat.ErrorString(error.code)}"
        if error.code == _CODE[expat.errors.XML_ERROR_UNBOUND_PREFIX]:
            reason += _prefix_at(_line_of(text, path, line), column)
        raise ArchiveError(path, line, f"column {column + 1}: {reason}") from error
    except DefusedXmlException as error:
        where = target.expat
        reason = f"column {where.CurrentColumnNumber + 1}: {_defused_reason(error)}"
        raise ArchiveError(path, where.CurrentLineNumber, reason) from error


def _drain(ready):
    while ready:
        element, parent = ready.pop(0)
        yield element
        element.clear()
        if parent is not None:
            parent.remove(element)  # read and done with: keeps memory flat


def _line_of(text, path, number):
    """Line ``number`` of the source, read again only to explain an error."""
    if text is not None:
        lines = text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for index, line in enumerate(handle, start=1):
                if index == number:
                    return line
    except OSError:
        pass
    return ""


def _prefix_at(line, column):
    match = re.compile(r"</?([\w.-]+):").match(line, column)
    return f" ({match.group(1)!r})" if match else ""


def _defused_reason(error):
    if isinstance(error, DTDForbidden):
        return (
            f"refused: the file declares a DTD (<!DOCTYPE {error.name}>); exports never do, "
            "and DTDs carry entity bombs and external-file (XXE) tricks"
        )
    return f"refused: entity declarations and external entities are not allowed ({type(error).__name__})"


def _chunks(text, path):
    if text is not None:
        for start in range(0, len(text), CHUNK):
            yield text[start : start + CHUNK]
        return
    try:
        with open(path, "rb") as handle:
            yield from _checked(iter(lambda: handle.read(CHUNK), b""), path)
    except OSError as error:
        raise ArchiveError(path, None, f"cannot read the file: {error.strerror}") from error


def _checked(chunks, path):
    """Pass the bytes through, refusing any that are not in the declared encoding.

    expat would also stop at a stray Latin-1 byte in a UTF-8 file, but only
    as "invalid token"; saying "not valid UTF-8" tells the owner what to fix.
    """
    first = next(chunks, b"")
    if first.startswith(_WIDE_BOMS):
        raise ArchiveError(path, 1, "UTF-16/32 text: exports are UTF-8; convert it (e.g. iconv -t UTF-8)")
    declared = _DECLARED.match(first)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        decoder = codecs.getincrementaldecoder(encoding)()
    except LookupError:
        raise ArchiveError(path, 1, f"unknown encoding {encoding!r} in the XML declaration") from None
    offset, newlines = 0, 0
    for chunk in _prepend(first, chunks):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            # error.object may start with bytes held over from the last chunk.
            at = error.start - (len(error.object) - len(chunk))
            line = newlines + chunk[: max(at, 0)].count(b"\n") + 1
            raise ArchiveError(
                path, line, f"not valid {encoding} (byte {offset + at}: {error.object[error.start]:#04x})"
            ) from error
        offset, newlines = offset + len(chunk), newlines + chunk.count(b"\n")
        yield chunk
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        reason = f"not valid {encoding}: the file ends inside a character"
        raise ArchiveError(path, newlines + 1, reason) from error


def _prepend(first, rest):
    if first:
        yield first
    yield from rest
