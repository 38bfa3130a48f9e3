"""Golden output: the sample report (tests/sample) must build to exactly tests/golden.

After an intended change, run `python tests/update_golden.py` and review the diff.
"""
import difflib

from update_golden import GOLDEN, build_sample


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_sample_report_matches_golden_output(tmp_path):
    built, golden = files(build_sample(tmp_path / "contoh")), files(GOLDEN)
    assert sorted(built) == sorted(golden)
    for name in golden:
        if built[name] != golden[name]:
            diff = "".join(difflib.unified_diff(golden[name].decode().splitlines(True),
                                                built[name].decode().splitlines(True), "golden", "built", n=2))
            raise AssertionError(f"{name} differs; if intended, run python tests/update_golden.py\n{diff[:3000]}")


def test_sample_computes_the_other_direction_and_provisional_values():
    page = (GOLDEN / "bab-3.html").read_text("utf-8")
    assert "80% (sementara)" in page          # (2 x 10 - 12) / 10 for an indikator where lower is better
    assert "&lt;b&gt;Sumber&lt;/b&gt; Rejo" in (GOLDEN / "bab-1.html").read_text("utf-8")
