import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locales";
import { nameOrders } from "./fields";
import {
  delegateFieldOrder,
  delegateFieldTargets,
  formFieldOf,
  inputFromForm,
  nameFieldOrder,
  registrationFormValues,
} from "./form";

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

describe("the order of the name fields", () => {
  it("asks for the family name first in Chinese, for the given name first in German and English", () => {
    expect(nameFieldOrder("zh")).toEqual(["familyName", "givenName"]);
    expect(nameFieldOrder("de")).toEqual(["givenName", "familyName"]);
    expect(nameFieldOrder("en")).toEqual(["givenName", "familyName"]);
    expect(delegateFieldOrder("zh").slice(0, 3)).toEqual(["familyName", "givenName", "nativeName"]);
    expect(delegateFieldOrder("de").indexOf("city")).toBeLessThan(delegateFieldOrder("de").indexOf("email"));
  });
});

describe("where the error summary's links lead", () => {
  it("to the first box of each group, whose id is `{name}-{value}`", () => {
    expect(delegateFieldTargets.nameOrder).toBe(`nameOrder-${nameOrders[0]}`);
    expect(delegateFieldTargets.interpretation).toBe(`interpretation-${locales[0]}`);
    for (const flag of ["visaLetter", "photoConsent", "listConsent", "privacyConsent"])
      expect(delegateFieldTargets[flag]).toBe(`${flag}-on`);
  });
});
