"""Schema machinery: field types, typed records, validation, documentation and JSON Schema."""
from .containers import AnyOf, ListOf, MapOf, describe
from .core import INVALID, Context, Entry, FieldSpec, Record, Reference, Type, fields_of, frozen_map, opt, req
from .printed import Printed, PrintedValue, Quantity, QuantityType
from .scalars import (
                   Choice,
                   Date,
                   Flag,
                   Id,
                   Integer,
                   Number,
                   NumberOrWord,
                   Percent,
                   Ref,
                   Rupiah,
                   Text,
                   Year,
)

__all__ = ["INVALID", "AnyOf", "Context", "Entry", "FieldSpec", "ListOf", "MapOf", "Record", "Reference", "Type",
           "describe", "fields_of", "frozen_map", "opt", "req", "Choice", "Date", "Flag", "Id", "Integer", "Number",
           "NumberOrWord", "Percent", "Printed", "PrintedValue", "Quantity", "QuantityType", "Ref", "Rupiah", "Text",
           "Year"]
