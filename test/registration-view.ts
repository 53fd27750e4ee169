import type { RegistrationView, SeatView } from "@/app/_server/registration/view";

/**
 * A registration as loadRegistrationView returns it, for tests of the pure renderers: a delegate from
 * Köln with a seat at 10:00 in Hannover on 24 April 2017 (08:00Z, 16:00 in Beijing).
 */
export function sampleSeat(overrides: Partial<SeatView> = {}): SeatView {
  return {
    sessionId: "session-keynote",
    status: "confirmed",
    position: null,
    title: {
      de: "Industrie 4.0 trifft Made in China 2025",
      en: "Industrie 4.0 meets Made in China 2025",
      zh: "工业4.0对接中国制造2025",
    },
    startsAt: "2017-04-24T08:00:00.000Z",
    endsAt: "2017-04-24T08:45:00.000Z",
    room: { de: "Saal 2", en: "Hall 2", zh: "2号厅" },
    sessionStatus: "published",
    sequence: 2,
    updatedAt: "2017-03-01T09:30:00.000Z",
    ...overrides,
  } as SeatView;
}

export function sampleView(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: "registration-1",
    status: "confirmed",
    meeting: {
      id: "meeting-2017",
      slug: "2017",
      title: { de: "Jahrestreffen 2017", en: "Annual meeting 2017", zh: "2017年年会" },
      defaultLocale: "de",
      timeZone: "Europe/Berlin",
      startsOn: "2017-04-24",
      venueName: "Hannover Messe",
      requiresApproval: false,
    },
    givenName: "Ute",
    familyName: "Berg",
    nativeName: null,
    nameOrder: "given_first",
    honorific: "Dr.",
    position: null,
    organization: "Stadt Köln",
    city: {
      id: "city-cologne",
      slug: "cologne",
      name: { de: "Köln", en: "Cologne", zh: "科隆" },
      country: "DE",
    },
    cityOther: null,
    role: "head_of_delegation",
    email: "ute.berg@example.org",
    phone: null,
    language: "de",
    interpretation: [],
    dietaryNeeds: null,
    accessibilityNeeds: null,
    visaLetter: false,
    privacyConsentAt: "2017-03-01T09:00:00.000Z",
    photoConsent: false,
    listConsent: false,
    createdAt: "2017-03-01T09:00:00.000Z",
    updatedAt: "2017-03-01T09:00:00.000Z",
    checkInCode: "7K3MQ9XW2F",
    sessions: [sampleSeat()],
    ...overrides,
  };
}
