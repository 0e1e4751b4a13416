"""scripts/backup.sh and scripts/restore.sh bring the database and the files back as they were.

Runs against the local PostgreSQL (a database of its own, dropped afterwards)."""

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

SERVER = os.environ.get("TOPOLOGY_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SCRIPTS = Path(settings.BASE_DIR) / "scripts"
PSQL = shutil.which("psql") or "/usr/bin/psql"
PG_ISREADY = shutil.which("pg_isready") or "/usr/bin/pg_isready"


def psql(url: str, sql: str) -> str:
    return subprocess.run(  # noqa: S603
        [PSQL, url, "-tAc", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def database() -> Iterator[str]:
    if (
        not shutil.which("pg_dump")
        or subprocess.run(  # noqa: S603
            [PG_ISREADY, "-q", "-d", f"{SERVER}/postgres"],
            check=False,
        ).returncode
    ):
        pytest.skip(f"no PostgreSQL answering at {SERVER} (TOPOLOGY_POSTGRES)")
    name = f"asiointi_restore_{uuid.uuid4().hex[:10]}"
    psql(f"{SERVER}/postgres", f'CREATE DATABASE "{name}"')
    yield f"{SERVER}/{name}"
    psql(f"{SERVER}/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def script(name: str, argument: Path, **env: str) -> None:
    subprocess.run(  # noqa: S603
        [str(SCRIPTS / name), str(argument)],
        env={"PATH": os.environ["PATH"], **env},
        check=True,
        capture_output=True,
    )


def test_a_restore_brings_back_the_rows_and_files_of_the_backup(database: str, tmp_path) -> None:
    files = tmp_path / "files"
    (files / "attachments" / "7").mkdir(parents=True)
    (files / "attachments" / "7" / "kept").write_bytes(b"the resident's file")
    psql(database, "CREATE TABLE submission (reference text primary key)")
    psql(database, "INSERT INTO submission VALUES ('HEL-1'), ('HEL-2')")
    env = {"DATABASE_URL": database, "FILES_DIR": str(files)}

    script("backup.sh", tmp_path / "backup", **env)
    # After the backup: a row lost, one added, a file deleted and one written.
    psql(database, "DELETE FROM submission WHERE reference = 'HEL-1'")
    psql(database, "INSERT INTO submission VALUES ('HEL-3')")
    (files / "attachments" / "7" / "kept").unlink()
    (files / "attachments" / "7" / "later").write_bytes(b"after the backup")
    script("restore.sh", tmp_path / "backup", **env)

    assert (
        psql(database, "SELECT string_agg(reference, ',' ORDER BY reference) FROM submission")
        == "HEL-1,HEL-2"
    )
    assert (files / "attachments" / "7" / "kept").read_bytes() == b"the resident's file"
    assert not (files / "attachments" / "7" / "later").exists()


def test_restore_refuses_a_folder_without_a_backup(tmp_path) -> None:
    result = subprocess.run(  # noqa: S603
        [str(SCRIPTS / "restore.sh"), str(tmp_path)],
        env={"PATH": os.environ["PATH"], "DATABASE_URL": "postgres://nowhere/none"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "no database.dump" in result.stderr
