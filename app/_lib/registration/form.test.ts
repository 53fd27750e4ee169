import { describe, expect, it } from "vitest";
import { formFieldOf, registrationFormValues, inputFromForm } from "./form";

describe("registration form data", () => {
  it("keeps repeated checkboxes as lists and reads ticked boxes as yes", () => {
    const data = new FormData();
    data.append("givenName", "Ute");
    data.append("sessionIds", "a");
    data.append("sessionIds", "b");
    data.append("interpretation", "zh");
    data.append("photoConsent", "on");
    data.append("city", "Köln");
    data.append("formToken", "t");
    data.append("$ACTION_ID_abc", "");
    const values = registrationFormValues(data);
    expect(values).toEqual({
      givenName: "Ute",
      sessionIds: ["a", "b"],
      interpretation: ["zh"],
      photoConsent: "on",
      city: "Köln",
      formToken: "t",
    });
    expect(inputFromForm(values)).toEqual({
      givenName: "Ute",
      sessionIds: ["a", "b"],
      interpretation: ["zh"],
      visaLetter: false,
      photoConsent: true,
      listConsent: false,
    });
  });

  it("shows schema errors at the form field they belong to", () => {
    expect(formFieldOf("sessionIds.2")).toBe("sessionIds");
    expect(formFieldOf("cityId")).toBe("city");
    expect(formFieldOf("email")).toBe("email");
  });
});
