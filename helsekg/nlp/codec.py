"""msgpack encoders for the values helsekg's span extensions hold, so a ``Doc`` serialises.

spaCy sends Docs between processes (``nlp.pipe(texts, n_process=2)``) and writes them (``Doc.to_bytes``,
``DocBin(store_user_data=True)``) with srsly's msgpack, which knows no ``ParsedAmount`` (``span._.amount``)
or ``ActorRef`` (``span._.actor``). :func:`register` adds an encoder and a decoder to srsly's registries:
each value becomes a small tagged dict of its fields and comes back as the same frozen dataclass.
Only these two classes are decoded (no pickle: bytes from elsewhere cannot run code).

>>> import srsly
>>> from helsekg.nlp.amounts import ParsedAmount
>>> register()
>>> amount = ParsedAmount.fromstring("om lag 2,5 millioner kroner")
>>> srsly.msgpack_loads(srsly.msgpack_dumps({"a": amount}))["a"] == amount
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import srsly

TAG = "__helsekg__"
#: class name -> module, for the classes this codec carries
CLASSES = {"ParsedAmount": "helsekg.nlp.amounts", "ActorRef": "helsekg.nlp.actors"}
#: the decoded classes, found once on first use
_DECODE: dict[str, Callable[..., Any]] = {}


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack encoder: a ParsedAmount or ActorRef -> tagged dict; anything else to the next encoder."""
    cls = type(obj)
    if CLASSES.get(cls.__name__) == cls.__module__ and dataclasses.is_dataclass(obj):
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {TAG: cls.__name__,
                "fields": {k: str(v) if isinstance(v, (Decimal, str)) else v for k, v in fields.items()}}
    return obj if chain is None else chain(obj)


def _classes() -> dict[str, Callable[..., Any]]:
    if not _DECODE:
        from helsekg.nlp.actors import ActorKind, ActorRef
        from helsekg.nlp.amounts import AmountKind, ParsedAmount, Qualifier

        def amount(fields: dict[str, Any]) -> ParsedAmount:
            for key in ("value", "value_max"):
                if fields.get(key) is not None:
                    fields[key] = Decimal(fields[key])
            fields["qualifier"], fields["kind"] = Qualifier(fields["qualifier"]), AmountKind(fields["kind"])
            return ParsedAmount(**fields)

        def actor(fields: dict[str, Any]) -> ActorRef:
            fields["kind"] = ActorKind(fields["kind"])
            return ActorRef(**fields)

        _DECODE.update(ParsedAmount=amount, ActorRef=actor)
    return _DECODE


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """srsly msgpack decoder (an object hook): a tagged dict -> the dataclass it was made from."""
    if isinstance(obj, dict) and obj.get(TAG) in CLASSES and isinstance(obj.get("fields"), dict):
        return _classes()[obj[TAG]](dict(obj["fields"]))
    return obj if chain is None else chain(obj)


def register() -> None:
    """Add :func:`encode` and :func:`decode` to srsly's msgpack registries; safe to call more than once."""
    srsly.msgpack_encoders.register("helsekg", func=encode)
    srsly.msgpack_decoders.register("helsekg", func=decode)
