#!/bin/sh
# Stand-in for Prisma's native schema engine, which this project does not download (see prisma.config.ts).
echo "Prisma's native schema engine is not installed. Use the project's scripts instead:" >&2
echo "  npm run db:migrate | db:migration -- <name> | db:check | db:reset | db:seed" >&2
exit 1
