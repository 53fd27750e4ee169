import { ClientMessages } from "@/app/_components/site/ClientMessages";
import { liveNamespaces } from "@/app/_lib/i18n/messages";
import { livePaths } from "@/app/_lib/live-paths";
import { LiveBadge } from "./LiveBadge";

type Props = {
  meetingSlug: string;
  session: { id: string; kind: string; status: string; startsAt: string; endsAt: string };
};

/**
 * The "live now" notice of a ceremony on a public page (the session page, the agenda's card): only a
 * published ceremony has a show the public can follow; for anything else nothing is rendered.
 */
export function PublicLiveBadge({ meetingSlug, session }: Props) {
  if (session.kind !== "ceremony" || session.status !== "published") return null;
  return (
    <ClientMessages namespaces={liveNamespaces}>
      <LiveBadge streamUrl={livePaths.publicLiveStream(meetingSlug, session.id)} slot={session} />
    </ClientMessages>
  );
}
