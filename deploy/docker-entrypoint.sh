#!/bin/sh
# The image's entrypoint. Without arguments, or with `start`, it runs the web server. The commands of a
# deploy run by name, as `npm run …` runs them outside the image:
#
#   docker compose run --rm app db:migrate                    apply pending migrations
#   docker compose run --rm app db:seed                       the 2017 demo meeting (migrates first)
#   docker compose run --rm app admin:create --email … --name …
#   docker compose run --rm app retention [--dry-run]
#
# A `--` after the command name, as npm needs it, is accepted and dropped. Anything else runs as given.
set -e
cd /app
command="${1:-start}"
[ "$#" -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
case "$command" in
  start) exec node server.js "$@" ;;
  db:migrate) exec node scripts/db.mjs migrate "$@" ;;
  db:seed) exec node scripts/db.mjs seed "$@" ;;
  admin:create) exec node scripts/admin-create.mjs "$@" ;;
  retention) exec node scripts/retention.mjs "$@" ;;
  *) exec "$command" "$@" ;;
esac
