"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { userRoles } from "@/app/_lib/roles";
import { Section, SelectField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { AccountFields } from "./AccountFields";
import { OneTimeLink } from "./OneTimeLink";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** A new account: address, name, role. After it is sent the fields start empty and the link shows once. */
export function InviteForm({ action }: { action: Action }) {
  const t = useTranslations("adminAccounts.invite");
  const tRoles = useTranslations("admin.roles");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const link = state.ok ? state.values?.link : undefined;
  return (
    <div className="space-y-3">
      {/* A new key after each invitation clears the fields for the next one. */}
      <form
        key={typeof link === "string" ? link : "invite"}
        {...formProps}
        noValidate
        aria-label={t("heading")}
      >
        <Section title={t("heading")}>
          <FormMessage state={state} />
          <div className="grid gap-4 sm:grid-cols-3">
            <AccountFields
              state={state}
              labels={{ email: t("email"), name: t("name"), required: t("required") }}
              own={false}
            />
            <SelectField
              name="role"
              label={t("role")}
              state={state}
              requiredLabel={t("required")}
              defaultValue="organizer"
              options={userRoles.map((role) => ({ value: role, label: tRoles(role) }))}
            />
          </div>
          <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
        </Section>
      </form>
      <OneTimeLink state={state} />
    </div>
  );
}
