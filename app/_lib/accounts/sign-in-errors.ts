/**
 * What a refused sign-in reports to the form, beyond next-auth's own "CredentialsSignin" (a wrong address,
 * password or code): the server throws these from the credentials check (app/_server/accounts/next-auth.ts),
 * next-auth passes them on as `error`, and the sign-in form says what each means.
 */
export const SIGN_IN_ERRORS = {
  rateLimited: "rate_limited",
  disabled: "account_disabled",
  secondFactor: "second_factor_required",
} as const;
