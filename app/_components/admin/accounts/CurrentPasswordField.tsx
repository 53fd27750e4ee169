"use client";

import type { FormState } from "@/app/_lib/form-state";
import { PasswordField } from "../../forms/Field";

type Props = { id: string; name: string; label: string; hint?: string; state: FormState };

/**
 * The account's own password, typed again to prove who is at the keyboard (a password change, a first
 * second factor).
 */
export function CurrentPasswordField(props: Props) {
  return <PasswordField {...props} autoComplete="current-password" />;
}
