/**
 * Sign-in accounts of the demo (`npm run demo`, embedded database only), one per role. The README names
 * them and their password. Any other start disables them where it finds them (prisma/seed-accounts.ts).
 */
export const DEMO_PASSWORD = "Hannover-Messe-2017";

export const demoAccounts = [
  { email: "admin@demo.example", name: "Demo Admin", role: "admin" },
  { email: "organizer@demo.example", name: "Demo Organizer", role: "organizer" },
  { email: "checkin@demo.example", name: "Demo Check-in", role: "checkin" },
] as const;
