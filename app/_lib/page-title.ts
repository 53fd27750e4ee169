/** A page's title in the browser's tab: the page, then the site ("Registration · Chinese-German …"). */
export function siteTitle(page: string, site: string): string {
  return site ? `${page} · ${site}` : page;
}
