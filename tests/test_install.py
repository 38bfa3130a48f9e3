"""A non-editable install is a complete tool: `pip install .` gives an `lkjip` command that builds
any report folder with the default theme shipped inside the package."""
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import REPO


def test_an_installed_lkjip_builds_a_report_folder(tmp_path):
    source = tmp_path / "src"
    for name in ("lkjip", "layouts"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    venv = tmp_path / "venv"
    # The new venv sees the packages of the environment running the tests (a venv or the system's),
    # by their folders, not through its .pth files: an editable lkjip there must not shadow the
    # install under test. `--system-site-packages` would show the base interpreter's packages instead,
    # which in a venv are not the test environment's (an old setuptools without bdist_wheel, say).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    inner = subprocess.run([str(venv / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           check=True, capture_output=True, text=True).stdout.strip()
    outer = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(inner) / "umwelt.pth").write_text("".join(f"{p}\n" for p in outer), "utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "-q", "--no-deps",
           "--no-build-isolation", str(source)]
    subprocess.run(pip, check=True, capture_output=True)
    where = subprocess.run([str(venv / "bin/python"), "-c", "import lkjip.project as p; print(p.default_layouts())"],
                           check=True, capture_output=True, text=True, cwd=tmp_path).stdout.strip()
    assert where.startswith(str(venv)) and where.endswith("site-packages/lkjip/layouts")
    report = tmp_path / "laporan"
    for name in ("content", "data"):
        shutil.copytree(REPO / "tests/samples/kota" / name, report / name)
    done = subprocess.run([str(venv / "bin/lkjip"), "--no-pdf", "-q"], cwd=report, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Selesai: ")
    assert (report / "site/assets/style.css").read_bytes() == (REPO / "layouts/style.css").read_bytes()
    assert "Kelurahan" in (report / "site/bab-1-pendahuluan.html").read_text("utf-8")
    usage = subprocess.run([str(venv / "bin/lkjip"), "terbitkan"], capture_output=True, text=True)
    assert usage.returncode == 2 and "jalankan 'lkjip --help'" in usage.stderr
