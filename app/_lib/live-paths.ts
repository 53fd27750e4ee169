/** Addresses of the live show outside the back office (the monitor's page without the language prefix). */
export const livePaths = {
  /** The confidence monitor, opened from its link without signing in. */
  monitorPage: (token: string) => `/live/${token}`,
  monitorStream: (token: string) => `/api/live/${token}`,
  /** What the public sees of a running ceremony: its segment and whether it runs late. */
  publicLiveStream: (slug: string, id: string) => `/api/meetings/${slug}/sessions/${id}/live`,
} as const;
