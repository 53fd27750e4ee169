"use client";

import type { FormState } from "@/app/_lib/form-state";
import { EmailField, TextField } from "../../forms/Field";

type Props = {
  state: FormState;
  labels: { email: string; name: string; required: string };
  /**
   * The person's own account (the first admin): browsers may fill in their address and name. Not when an
   * admin invites someone else: the admin's own details would be offered.
   */
  own: boolean;
};

/** An account's address and name, as the invitation and the first admin's form ask for them. */
export function AccountFields({ state, labels, own }: Props) {
  return (
    <>
      <EmailField
        label={labels.email}
        state={state}
        requiredLabel={labels.required}
        autoComplete={own ? "username" : "off"}
      />
      <TextField
        name="name"
        label={labels.name}
        state={state}
        required
        requiredLabel={labels.required}
        autoComplete={own ? "name" : "off"}
        maxLength={200}
      />
    </>
  );
}
