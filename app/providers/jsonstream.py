"""Reading a large JSON reply one list element at a time.

``json.loads`` on a 2 MB reply is one C call that holds the GIL for 60-100 ms, long enough to
freeze the window's event loop. Decoding the envelope member by member, and its order list
element by element (``JSONDecoder.raw_decode``), lets other threads run between elements and
lets the caller save orders as they come instead of holding them all as objects at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")

LIST_START = "list_start"  # (LIST_START, key): the member ``key`` is a list; items follow
ITEM = "item"  # (ITEM, element) for each element of that list
MEMBER = "member"  # (MEMBER, (key, value)) for every other member


def _skip(text: str, index: int) -> int:
    match = _WHITESPACE.match(text, index)
    return match.end() if match else index


def scan_object(text: str, stream_key: str) -> Iterator[tuple[str, Any]]:
    """The members of the top-level JSON object in ``text``, in order. When the member
    ``stream_key`` holds a list, its elements come one by one as ``ITEM`` events. Raises
    ``ValueError`` (``json.JSONDecodeError``) where the text is not one valid JSON object."""
    index = _skip(text, 0)
    if text[index : index + 1] != "{":
        raise ValueError("the reply is not a JSON object")
    index = _skip(text, index + 1)
    if text[index : index + 1] == "}":
        index += 1
    else:
        while True:
            key, index = _DECODER.raw_decode(text, index)
            if not isinstance(key, str):
                raise ValueError("an object key is not a string")
            index = _skip(text, index)
            if text[index : index + 1] != ":":
                raise ValueError(f"expected ':' at character {index}")
            index = _skip(text, index + 1)
            if key == stream_key and text[index : index + 1] == "[":
                yield LIST_START, key
                index = yield from _scan_list(text, index + 1)
            else:
                value, index = _DECODER.raw_decode(text, index)
                yield MEMBER, (key, value)
            index = _skip(text, index)
            separator = text[index : index + 1]
            index = _skip(text, index + 1)
            if separator == "}":
                break
            if separator != ",":
                raise ValueError(f"expected ',' or '}}' at character {index}")
    if _skip(text, index) != len(text):
        raise ValueError("extra text after the JSON object")


def _scan_list(text: str, index: int) -> Generator[tuple[str, Any], None, int]:
    index = _skip(text, index)
    if text[index : index + 1] == "]":
        return index + 1
    while True:
        element, index = _DECODER.raw_decode(text, index)
        yield ITEM, element
        index = _skip(text, index)
        separator = text[index : index + 1]
        index = _skip(text, index + 1)
        if separator == "]":
            return index
        if separator != ",":
            raise ValueError(f"expected ',' or ']' at character {index}")
