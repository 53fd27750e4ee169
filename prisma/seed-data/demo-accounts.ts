/**
 * Sign-in accounts of the embedded demo, one per role. The README names them. Never created on
 * PostgreSQL (DATABASE_URL), where the first admin comes from `npm run admin:create`.
 */
export const DEMO_PASSWORD = "Hannover-Messe-2017";

export const demoAccounts = [
  { email: "admin@demo.example", name: "Demo Admin", role: "admin" },
  { email: "organizer@demo.example", name: "Demo Organizer", role: "organizer" },
  { email: "checkin@demo.example", name: "Demo Check-in", role: "checkin" },
] as const;
