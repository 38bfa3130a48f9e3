"""Schema machinery: field types, typed records, validation, documentation and JSON Schema."""
from .containers import AnyOf, ListOf, MapOf, OneOrMany, describe
from .core import INVALID, Context, Entry, FieldSpec, Record, Reference, Type, fields_of, frozen_map, opt, req
from .printed import Printed, PrintedValue, Quantity, QuantityType
from .scalars import (
                   Choice,
                   Date,
                   DateOrMonth,
                   Flag,
                   Id,
                   Integer,
                   Month,
                   Number,
                   NumberOrWord,
                   Percent,
                   Ref,
                   Rupiah,
                   Text,
                   Year,
)

__all__ = ["INVALID", "AnyOf", "OneOrMany", "Context", "Entry", "FieldSpec", "ListOf", "MapOf", "Record",
           "Reference", "Type",
           "describe", "fields_of", "frozen_map", "opt", "req", "Choice", "Date", "DateOrMonth", "Flag", "Id",
           "Integer", "Month", "Number",
           "NumberOrWord", "Percent", "Printed", "PrintedValue", "Quantity", "QuantityType", "Ref", "Rupiah", "Text",
           "Year"]
