import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseVisaDataKeys, type DataKey } from "../env";
import { decryptWith, encryptWith, keyIdOf, keyringOf, UndecryptableError } from "./field-cipher";

const appKey = randomBytes(32);
const k1: DataKey = { id: "k1", key: randomBytes(32) };
const k2: DataKey = { id: "k2", key: randomBytes(32) };
const passport = JSON.stringify({ passportNumber: "E12345678", nationality: "CN" });

describe("field cipher", () => {
  it("opens what it sealed, for the same owner only, with a new IV each time", () => {
    const keyring = keyringOf([k1], appKey);
    const sealed = encryptWith(keyring, passport, "reg-1");
    expect(sealed).toMatch(/^v1\.k1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain("E12345678");
    expect(decryptWith(keyring, sealed, "reg-1")).toBe(passport);
    expect(encryptWith(keyring, passport, "reg-1")).not.toBe(sealed);
    expect(() => decryptWith(keyring, sealed, "reg-2")).toThrow(UndecryptableError);
  });

  it("refuses an altered ciphertext, tag or key id", () => {
    const keyring = keyringOf([k1, k2], appKey);
    const sealed = encryptWith(keyring, passport, "reg-1");
    const [format, id, iv, tag, body] = sealed.split(".") as [string, string, string, string, string];
    const flipped = (text: string) => (text[0] === "A" ? "B" : "A") + text.slice(1);
    for (const altered of [
      [format, id, iv, tag, flipped(body)],
      [format, id, iv, flipped(tag), body],
      [format, id, flipped(iv), tag, body],
      [format, "k2", iv, tag, body],
    ])
      expect(() => decryptWith(keyring, altered.join("."), "reg-1")).toThrow(/does not open with the key/);
    expect(() => decryptWith(keyring, "E12345678", "reg-1")).toThrow(/not in the format/);
  });

  it("names an unknown key id clearly", () => {
    const sealed = encryptWith(keyringOf([k1], appKey), passport, "reg-1");
    expect(() => decryptWith(keyringOf([k2], appKey), sealed, "reg-1")).toThrow(
      'The stored value was encrypted with the key "k1", which VISA_DATA_KEYS no longer lists',
    );
  });

  it("rotates: new values take the current key, old keys still open theirs, the app's key always", () => {
    const withAppKey = encryptWith(keyringOf(undefined, appKey), passport, "reg-1");
    expect(keyIdOf(withAppKey)).toBe("app");
    const withK1 = encryptWith(keyringOf([k1], appKey), passport, "reg-1");
    const rotated = keyringOf([k2, k1], appKey);
    expect(keyIdOf(encryptWith(rotated, passport, "reg-1"))).toBe("k2");
    expect(decryptWith(rotated, withK1, "reg-1")).toBe(passport);
    expect(decryptWith(rotated, withAppKey, "reg-1")).toBe(passport);
    expect(keyIdOf("plain text")).toBeNull();
  });
});

describe("VISA_DATA_KEYS", () => {
  const key = (bytes: Buffer) => bytes.toString("base64");

  it("reads id:key pairs, the current one first", () => {
    const keys = parseVisaDataKeys(`2027:${key(k2.key)}, 2026:${key(k1.key)}`);
    expect(keys).toEqual([
      { id: "2027", key: k2.key },
      { id: "2026", key: k1.key },
    ]);
  });

  it("says what is wrong without repeating a key", () => {
    const short = key(randomBytes(16));
    expect(parseVisaDataKeys(`k1:${short}`)).toBe(
      "the key of k1 must be 32 bytes in base64 (openssl rand -base64 32)",
    );
    expect(parseVisaDataKeys(key(k1.key))).toMatch(/^each entry must be "id:key"/);
    expect(parseVisaDataKeys(`app:${key(k1.key)}`)).toMatch(/reserved/);
    expect(parseVisaDataKeys(`k1:${key(k1.key)},k1:${key(k2.key)}`)).toBe("the id k1 is listed twice");
  });
});
