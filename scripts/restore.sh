#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh, replacing what is there now.
#   scripts/restore.sh <backup-dir>
# Stop the web nodes, the worker and beat first (make prod-down); start them after, then check
# /readyz. Reads DATABASE_URL and FILES_DIR. The keys in the environment (SECRET_KEY and above
# all IDENTITY_CODE_* and SUBMISSION_ENCRYPTION_KEYS) must be those of the backup's time: the
# database holds identity codes and forms encrypted with them.
set -euo pipefail
source=${1:?usage: scripts/restore.sh <backup-dir>}
: "${DATABASE_URL:?DATABASE_URL must be set}"
[ -f "$source/database.dump" ] || { echo "no database.dump in $source" >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
  --dbname="$DATABASE_URL" "$source/database.dump"
if [ -f "$source/files.tar.gz" ]; then
  : "${FILES_DIR:?FILES_DIR must be set to restore files}"
  mkdir -p "$FILES_DIR"
  # Files written after the backup belong to rows that are no longer there: they go too.
  find "$FILES_DIR" -mindepth 1 -delete
  tar --extract --gzip --file="$source/files.tar.gz" --directory="$FILES_DIR"
fi
echo "restored from $source"
