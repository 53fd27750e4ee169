/** Where a meeting's registration window stands at an instant. Open ends mean "no limit". */
export type RegistrationWindow = { opensAt: string | null; closesAt: string | null };

export type WindowState = "not_yet_open" | "open" | "closed";

export function windowState(window: RegistrationWindow, now: Date): WindowState {
  if (window.opensAt && now < new Date(window.opensAt)) return "not_yet_open";
  if (window.closesAt && now >= new Date(window.closesAt)) return "closed";
  return "open";
}
