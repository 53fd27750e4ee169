/**
 * The floor of the benchmark: a bare Node HTTP server answering one fixed JSON body, with nothing of
 * Next.js, React or the database in the way. Run in its own process (not in the load generator's event
 * loop), by scripts/bench.ts:
 *
 *   BARE_BODY='{"…"}' node --import tsx scripts/lib/bare-server.ts <port>
 *
 * The body is the one the no-database route handler answers, so both baselines send the same bytes.
 * Prints "listening" once it accepts connections. Plain Node: no imports beyond node:.
 */
import { createServer } from "node:http";

const port = Number(process.argv[2]);
const body = Buffer.from(process.env.BARE_BODY ?? "{}");

const server = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": body.byteLength });
  response.end(body);
});
server.listen(port, "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
