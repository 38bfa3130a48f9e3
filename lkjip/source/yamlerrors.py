"""PyYAML's syntax errors, told in Indonesian by their real cause and place.

The parser reports where it gave up, which is often not where the author slipped: a '{'
left open is noticed at the next key, a quote left open at the end of the file, a ':'
inside a text as a missing ','. Looking at the source around both marks the error carries
(where the parser was, and what it was parsing) names the slip and points at it.
"""
from __future__ import annotations

import re

import yaml

from ..diagnostics import Diagnostic, Loc, error

_TRANSLATIONS = [
    (r"found character '\\t' that cannot start any token",
     "karakter tab ditemukan; YAML hanya menerima spasi untuk indentasi", "ganti tab dengan spasi"),
    (r"mapping values are not allowed",
     "tanda ':' tidak diharapkan di sini", "periksa indentasi, atau beri tanda kutip pada teks yang memuat ':'"),
    (r"found unexpected end of stream",
     "file berakhir sebelum tanda kutip atau kurung ditutup", "tutup tanda kutip atau kurung yang dibuka"),
    (r"did not find expected key",
     "indentasi tidak sesuai: diharapkan kunci baru", "samakan indentasi dengan baris sebelumnya"),
    (r"did not find expected '-' indicator",
     "indentasi daftar tidak sesuai: diharapkan butir '-'", "samakan indentasi butir daftar"),
    (r"found character '(.)' that cannot start any token",
     "karakter '{0}' tidak boleh mengawali nilai", "beri tanda kutip pada teksnya, mis. \"@nama\""),
    (r"found unexpected ':'", "tanda ':' di dalam '{...}' atau '[...]' harus diikuti spasi",
     "tulis 'kunci: nilai' dengan spasi setelah ':', atau beri tanda kutip pada teks yang memuat ':'"),
    (r"found unknown escape character", "karakter escape tidak dikenal dalam teks berkutip",
     "gunakan tanda kutip tunggal atau hapus garis miring terbalik"),
    (r"could not find expected ':'", "diharapkan tanda ':' setelah kunci", "tulis 'kunci: nilai'"),
    (r"found undefined tag handle|could not determine a constructor",
     "tag YAML tidak diizinkan", "hapus tag '!...'; data laporan hanya berisi teks, angka, daftar dan pemetaan"),
]

_FLOWS = {"while parsing a flow mapping": ("pemetaan '{...}'", "{", "}", "pasangan", "{2022: 82, 2023: 87}"),
          "while parsing a flow sequence": ("daftar '[...]'", "[", "]", "butir", "[2024, 2025]")}

Found = tuple[int, int, str, str]
"""A cause found in the source: 0-based line and column, message, hint."""


def syntax_diagnostic(file: str, exc: yaml.MarkedYAMLError, text: str) -> Diagnostic:
    lines = text.split("\n")
    found = _cause(exc, lines)
    if found:
        line, col, message, hint = found
        return error(Loc(file, line + 1, col + 1), f"sintaks YAML tidak valid: {message}", hint, "yaml-syntax")
    mark = exc.problem_mark or exc.context_mark
    line_col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    problem = str(exc.problem or exc)
    if mark and "cannot start any token" in problem:
        char = _char(lines, mark.line, mark.column)
        problem = "found character '\\t' that cannot start any token" if char == "\t" else \
            f"found character '{char}' that cannot start any token"
    for pattern, message, hint in _TRANSLATIONS:
        match = re.search(pattern, problem)
        if match:
            message = message.format(*match.groups()) if match.groups() else message
            return error(Loc(file, *line_col), f"sintaks YAML tidak valid: {message}", hint, "yaml-syntax")
    return error(Loc(file, *line_col), f"sintaks YAML tidak valid ({problem})",
                 "periksa indentasi dan tanda kutip di sekitar baris ini", "yaml-syntax")


def _line(lines: list[str], line: int) -> str:
    """A line of the file; '' past its end (YAML also breaks lines at U+2028, which `split` does not)."""
    return lines[line] if 0 <= line < len(lines) else ""


def _char(lines: list[str], line: int, col: int) -> str:
    """The character at a mark; '' past the end of the file (the parser's 'end of stream')."""
    return _line(lines, line)[col:col + 1]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _cause(exc: yaml.MarkedYAMLError, lines: list[str]) -> Found | None:
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None:
        return None
    if exc.context == "while scanning a quoted scalar" and context is not None and \
            re.search("end of stream|document separator", str(exc.problem)):
        quote = _char(lines, context.line, context.column)
        return (context.line, context.column, f"tanda kutip {quote} yang dibuka di sini tidak ditutup",
                f"tambahkan {quote} di akhir teksnya")
    if exc.context in _FLOWS and context is not None:
        return _flow_cause(exc.context, problem, context, lines)
    char = _char(lines, problem.line, problem.column)
    if exc.context == "while parsing a flow node" and char in (",", "]", "}"):
        return (problem.line, problem.column, f"tanda '{char}' tidak diharapkan di sini: tidak ada nilai sebelumnya",
                "hapus tanda yang berlebih, atau tulis nilainya")
    if exc.context and exc.context.startswith("while parsing a block"):
        return _after_flow(problem, lines)
    return None


def _flow_cause(context_name: str, problem: yaml.Mark, opener: yaml.Mark, lines: list[str]) -> Found:
    """The parser wanted ',' or the closing bracket and found something else."""
    noun, opening, closing, part, example = _FLOWS[context_name]
    char = _char(lines, problem.line, problem.column)
    where = f"baris {opener.line + 1} kolom {opener.column + 1}"
    opened, stopped = _line(lines, opener.line), _line(lines, problem.line)
    quote = _open_quote(opened, opener.column)
    unclosed = char == "" or (problem.line > opener.line and closing not in stopped
                              and _indent(stopped) <= _indent(opened))
    if quote is not None and (unclosed or problem.line > opener.line):
        mark = opened[quote]
        return (opener.line, quote, f"tanda kutip {mark} yang dibuka di sini tidak ditutup pada baris yang sama",
                f"tambahkan {mark} di akhir teksnya")
    if unclosed:
        return (opener.line, opener.column, f"{noun} yang dibuka di sini tidak ditutup dengan '{closing}'",
                f"tambahkan '{closing}' setelah {part} terakhirnya, mis. {example}")
    if char in ("]", "}"):
        return (problem.line, problem.column, f"{noun} yang dibuka di {where} ditutup dengan '{char}'",
                f"tutup {noun} dengan '{closing}'; '{opening}' berpasangan dengan '{closing}'")
    if char == ":":
        inside = noun if problem.line == opener.line else f"{noun} yang dibuka di {where}"
        return (problem.line, problem.column, f"tanda ':' tidak diharapkan di dalam {inside}: "
                f"koma pemisah {part} hilang, atau teksnya memuat ':'",
                f"pisahkan setiap {part} dengan koma, mis. {example}; teks yang memuat ':' ditulis di dalam "
                "tanda kutip, mis. judul: \"Bab I: Pendahuluan\"")
    before = stopped[:problem.column].rstrip()
    if before.endswith(("\"", "'")):
        return (problem.line, problem.column, f"teks setelah tanda kutip penutup {before[-1]} di dalam {noun}",
                f"tulis seluruh teksnya di dalam tanda kutip, atau pisahkan setiap {part} dengan koma")
    return (problem.line, problem.column, f"di dalam {noun} yang dibuka di {where} diharapkan ',' atau "
            f"'{closing}', ditemukan '{char}'", f"pisahkan setiap {part} dengan koma dan tutup dengan '{closing}'")


def _open_quote(line: str, start: int) -> int | None:
    """The column of a quoted text that a flow collection's line opens and never closes."""
    quote, at, i = "", 0, start
    while i < len(line):
        char = line[i]
        if quote == '"' and char == "\\":
            i += 1
        elif quote and char == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 1
            else:
                quote = ""
        elif not quote and char in "\"'" and line[:i].rstrip()[-1:] in ("{", "[", ",", ":"):
            quote, at = char, i
        elif not quote and char == "#" and line[i - 1:i] in (" ", "\t"):
            break
        i += 1
    return at if quote else None


def _after_flow(problem: yaml.Mark, lines: list[str]) -> Found | None:
    """A block mapping or list that meets a stray bracket, or text after a closed '{...}' or '[...]'."""
    char = _char(lines, problem.line, problem.column)
    if char in ("]", "}"):
        return (problem.line, problem.column, f"kurung tutup '{char}' berlebih: tidak ada kurung buka "
                "yang ditutupnya", f"hapus '{char}' ini; setiap kurung buka ditutup satu kali")
    before = _line(lines, problem.line)[:problem.column].rstrip()
    if before.endswith(("]", "}")) and char:
        return (problem.line, problem.column, f"'{char}' setelah kurung tutup '{before[-1]}' tidak diharapkan",
                "tulis isinya di dalam kurung, atau pada baris baru sebagai kunci tersendiri")
    return None
