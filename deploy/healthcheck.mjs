// The container's health check (Dockerfile HEALTHCHECK, compose.yaml): exit 0 when the server answers
// GET /api/health with 200, which it does while the database answers too.
const port = process.env.PORT || "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
