import { describe, expect, it } from "vitest";
import { may, userRoles } from "./roles";

describe("roles", () => {
  it("let write to delegates only roles that see the registration desk the recipients come from", () => {
    const writers = userRoles.filter((role) => may(role, "writeToDelegates"));
    expect(writers).toEqual(["admin", "organizer"]);
    for (const role of writers) expect(may(role, "manageRegistrations")).toBe(true);
  });
});
