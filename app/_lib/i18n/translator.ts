/**
 * The translator for code outside React (server actions, emails, calendars, exports, scripts). Taken from
 * use-intl's core entry, not from "next-intl": that one pulls in use-intl's React entry, which fails to load
 * in a script run under the react-server condition (React's server build has no useEffect). Same function,
 * same typed messages: next-intl re-exports it from here.
 */
export { createTranslator } from "use-intl/core";
