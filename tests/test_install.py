"""A non-editable install carries its migrations: it creates and upgrades databases anywhere."""
import os
import sqlite3
import subprocess
import sys
import sysconfig
import venv

from archive.store.db import head_revision, migrate

from conftest import ROOT, SEEDS


def test_wheel_install_creates_and_upgrades_databases(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True, cwd=tmp_path,
    )
    wheel = next(wheels.glob("archive-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    # Dependencies come from the test environment's site-packages, after the
    # fresh venv's own: the archive package itself is only the installed wheel.
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    with open(os.path.join(site, "test_deps.pth"), "w") as pth:
        pth.write(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([python, "-c", "import archive.migrations, archive; print(archive.__file__)"],
                           capture_output=True, text=True, check=True, cwd=elsewhere).stdout
    assert str(env_dir) in where and str(ROOT) not in where

    archive_cmd = env_dir / "bin" / "archive"
    new = subprocess.run([archive_cmd, "--db", "new.db", "ingest", str(SEEDS)], capture_output=True, text=True, cwd=elsewhere)
    assert new.returncode == 0, new.stderr
    assert "1 new" in new.stdout

    old = elsewhere / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, "0001")
    conn.close()
    upgraded = subprocess.run([archive_cmd, "--db", str(old), "migrate"], capture_output=True, text=True, cwd=elsewhere)
    assert upgraded.returncode == 0, upgraded.stderr
    assert sqlite3.connect(old).execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
