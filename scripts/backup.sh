#!/usr/bin/env bash
# Back up the portal: the database (pg_dump, custom format) and the shared files directory.
#   scripts/backup.sh <backup-dir>
# Reads DATABASE_URL and FILES_DIR (as the portal does). With S3_BUCKET the files are in the
# bucket: use the bucket's versioning or `aws s3 sync` instead (docs/operations.md).
set -euo pipefail
target=${1:?usage: scripts/backup.sh <backup-dir>}
: "${DATABASE_URL:?DATABASE_URL must be set}"
mkdir -p "$target"
pg_dump --format=custom --no-owner --file="$target/database.dump" "$DATABASE_URL"
if [ -z "${S3_BUCKET:-}" ] && [ -n "${FILES_DIR:-}" ] && [ -d "$FILES_DIR" ]; then
  tar --create --gzip --file="$target/files.tar.gz" --directory="$FILES_DIR" .
fi
echo "backup written to $target"
