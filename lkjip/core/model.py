"""The validated report: every data file as its typed record, and typed access to it.

Subjects declare their data files as `DataFile[T]` constants; `report.get(ANGGARAN)` is then
an `Anggaran | None` for the type checker too. Which files exist is the data's business:
only the few files every LKjIP has are required (see `domain`), every other one may be
absent, and whatever needs it says so with the file's name.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from ..schema import Record, Type
from ..source.yamlfile import YamlDocument

T = TypeVar("T")


@dataclass(frozen=True)
class DataFile(Generic[T]):
    """One file `data/<name>.yaml`, validated into the record class `schema`."""

    name: str
    schema: type[T]
    description: str
    required: bool = False
    needs: tuple[str, ...] = ()
    """Other data files this one cannot be understood without (efisiensi needs anggaran)."""

    @property
    def path(self) -> str:
        return f"data/{self.name}.yaml"

    def record(self) -> Type:
        return Record(self.schema)


@dataclass(frozen=True)
class DataFolder(Generic[T]):
    """A folder `data/<name>/` of files of one kind, each keyed by its file name (an office's own tables)."""

    name: str
    kind: Type
    description: str

    @property
    def path(self) -> str:
        return f"data/{self.name}/"


@dataclass(frozen=True)
class Report:
    """Every data file of a report, validated; references between files resolved."""

    files: Mapping[str, Any]
    folders: Mapping[str, Mapping[str, Any]]
    documents: Mapping[str, YamlDocument]
    """Source documents by project-relative path, for messages that point into them."""

    def get(self, file: DataFile[T]) -> T | None:
        value: T | None = self.files.get(file.name)
        return value

    def need(self, file: DataFile[T]) -> T:
        """A file the caller may rely on: a required file, or one whose presence was checked."""
        value = self.get(file)
        if value is None:
            raise LookupError(f"{file.path} is not loaded")
        return value

    def has(self, *files: DataFile[Any]) -> bool:
        return all(f.name in self.files for f in files)

    def items(self, folder: DataFolder[T]) -> Mapping[str, T]:
        value: Mapping[str, T] = self.folders.get(folder.name, MappingProxyType({}))
        return value
