// Loaded into a server under test with NODE_OPTIONS=--import (scripts/faults.ts): notes the client port of
// every TCP connection the server process accepts, and writes them, one a line, to the file named by
// ACCEPTED_CONNECTIONS_FILE when the process exits. A client whose connection was reset can then tell
// whether the server had taken it (its port is listed) or the kernel had only queued it for a server
// that stopped listening before taking it.
import { subscribe } from "node:diagnostics_channel";
import { writeFileSync } from "node:fs";

const ports = [];
subscribe("net.server.socket", ({ socket }) => ports.push(socket.remotePort));
process.on("exit", () => writeFileSync(process.env.ACCEPTED_CONNECTIONS_FILE, ports.join("\n")));
