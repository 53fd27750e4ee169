"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { userRoles, type UserRole } from "@/app/_lib/roles";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";
import { OneTimeLink } from "./OneTimeLink";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type AccountActionSet = { changeRole: Action; disable: Action; enable: Action; reset: Action };

type Account = { id: string; name: string; role: UserRole; disabled: boolean; self: boolean };

/** The problem of a one-field form in one sentence: the field's own, else the summary. */
function rowState(state: FormState): FormState {
  const fieldError = Object.values(state.fieldErrors ?? {})[0];
  return fieldError ? { ...state, message: fieldError } : state;
}

/** A row's small submit button, which says what it is doing while its form is sent. */
function RowButton({
  pending,
  label,
  pendingLabel,
  danger = false,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  danger?: boolean;
}) {
  const tone = danger
    ? "border-red-300 bg-white text-red-800 hover:bg-red-50"
    : "border-slate-300 bg-white hover:bg-slate-50";
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${tone}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The forms of one account's row: role, disable or enable, password reset. */
export function AccountActions({ account, actions }: { account: Account; actions: AccountActionSet }) {
  return (
    <div className="space-y-3">
      <RoleForm account={account} action={actions.changeRole} />
      {account.disabled ? (
        <EnableForm account={account} action={actions.enable} />
      ) : (
        !account.self && <DisableForm account={account} action={actions.disable} />
      )}
      {!account.disabled && <ResetForm account={account} action={actions.reset} />}
    </div>
  );
}

function RoleForm({ account, action }: { account: Account; action: Action }) {
  const t = useTranslations("adminAccounts.row");
  const tRoles = useTranslations("admin.roles");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const id = `role-${account.id}`;
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="userId" value={account.id} />
      <label htmlFor={id} className="sr-only">
        {t("role", { name: account.name })}
      </label>
      <div className="flex flex-wrap gap-2">
        <select
          id={id}
          name="role"
          defaultValue={account.role}
          className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {tRoles(role)}
            </option>
          ))}
        </select>
        <RowButton pending={pending} label={t("saveRole")} pendingLabel={t("savingRole")} />
      </div>
      <FormMessage state={rowState(state)} />
    </form>
  );
}

/** Disabling takes a tick first: a second, deliberate step that is read out like any other control. */
function DisableForm({ account, action }: { account: Account; action: Action }) {
  const t = useTranslations("adminAccounts.row");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const id = `confirm-disable-${account.id}`;
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="userId" value={account.id} />
      <div className="flex flex-wrap items-center gap-2">
        <input id={id} type="checkbox" name="confirm" value="on" required className="size-4 accent-red-700" />
        <label htmlFor={id} className="text-sm">
          {t("confirmDisable", { name: account.name })}
        </label>
        <RowButton pending={pending} label={t("disable")} pendingLabel={t("disabling")} danger />
      </div>
      <FormMessage state={rowState(state)} />
    </form>
  );
}

function EnableForm({ account, action }: { account: Account; action: Action }) {
  const t = useTranslations("adminAccounts.row");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="userId" value={account.id} />
      <RowButton pending={pending} label={t("enable")} pendingLabel={t("enabling")} />
      <FormMessage state={rowState(state)} />
    </form>
  );
}

function ResetForm({ account, action }: { account: Account; action: Action }) {
  const t = useTranslations("adminAccounts.row");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="userId" value={account.id} />
      <RowButton pending={pending} label={t("reset")} pendingLabel={t("resetting")} />
      <FormMessage state={rowState(state)} />
      <OneTimeLink state={state} />
    </form>
  );
}
